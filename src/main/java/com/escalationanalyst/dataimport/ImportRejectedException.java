package com.escalationanalyst.dataimport;

import java.util.List;

/** A file that was refused as a whole; nothing of it was stored. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportError> errors;
    private final boolean truncated;

    public ImportRejectedException(List<ImportError> errors, boolean truncated) {
        super(describe(errors, truncated));
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
    }

    /** The first errors in line order (at most the configured maximum). */
    public List<ImportError> errors() {
        return errors;
    }

    /** True when the file had more errors than are listed. */
    public boolean truncated() {
        return truncated;
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
