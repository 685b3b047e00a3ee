package com.escalationanalyst.dataimport;

import com.escalationanalyst.api.ApiException;
import com.escalationanalyst.api.ProblemError;
import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.csv.ImportError;
import java.util.List;
import java.util.Map;

/** A file that was refused as a whole; nothing of it was stored. */
public class ImportRejectedException extends ApiException {

    private final List<ImportError> errors;
    private final boolean truncated;

    public ImportRejectedException(List<ImportError> errors, boolean truncated) {
        super(describe(errors, truncated));
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
    }

    /** True when the file had more errors than are listed. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public ProblemType type() {
        return ProblemType.FILE_REFUSED;
    }

    @Override
    public String detail() {
        return "the file has " + (truncated ? "more than " : "") + errors.size() + " error" + (errors.size() == 1 && !truncated ? "" : "s")
                + "; nothing of it was stored" + (truncated ? " (the first " + errors.size() + " are listed)" : "");
    }

    @Override
    public List<ProblemError> errors() {
        return errors.stream().map(e -> new ProblemError(e.line(), e.column(), e.message())).toList();
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("truncated", truncated);
    }

    private static String describe(List<ImportError> errors, boolean truncated) {
        StringBuilder text = new StringBuilder("Import refused, nothing was changed:");
        for (ImportError error : errors) {
            text.append("\n  line ").append(error.line());
            if (error.column() != null) {
                text.append(", column ").append(error.column());
            }
            text.append(": ").append(error.message());
        }
        if (truncated) {
            text.append("\n  (more errors follow; fix these and import again)");
        }
        return text.toString();
    }
}
