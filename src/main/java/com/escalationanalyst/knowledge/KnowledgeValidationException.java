package com.escalationanalyst.knowledge;

import com.escalationanalyst.api.ApiException;
import com.escalationanalyst.api.ProblemError;
import com.escalationanalyst.api.ProblemType;
import java.util.List;

/** An upload or a request about knowledge that was refused; nothing changed. {@code type} says what kind of refusal. */
public class KnowledgeValidationException extends ApiException {

    private final ProblemType type;
    private final List<String> reasons;

    public KnowledgeValidationException(ProblemType type, List<String> reasons) {
        super(String.join("; ", reasons));
        this.type = type;
        this.reasons = List.copyOf(reasons);
    }

    /** A document that is not valid: every reason found. */
    public KnowledgeValidationException(List<String> reasons) {
        this(ProblemType.DOCUMENT_REFUSED, reasons);
    }

    @Override
    public ProblemType type() {
        return type;
    }

    @Override
    public String detail() {
        return reasons.size() == 1 ? reasons.get(0) : reasons.size() + " problems; nothing changed";
    }

    @Override
    public List<ProblemError> errors() {
        return reasons.stream().map(ProblemError::of).toList();
    }

    public List<String> reasons() {
        return reasons;
    }
}
