package com.escalationanalyst.knowledge;

import java.util.List;

/** An upload that was refused; nothing changed. {@code status} is the HTTP status that fits. */
public class KnowledgeValidationException extends RuntimeException {

    private final int status;
    private final List<String> reasons;

    public KnowledgeValidationException(int status, List<String> reasons) {
        super(String.join("; ", reasons));
        this.status = status;
        this.reasons = List.copyOf(reasons);
    }

    public KnowledgeValidationException(List<String> reasons) {
        this(400, reasons);
    }

    public int status() {
        return status;
    }

    public List<String> reasons() {
        return reasons;
    }
}
