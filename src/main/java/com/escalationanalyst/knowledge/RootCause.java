package com.escalationanalyst.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The root-cause categories (docs/design.md, "Root causes"); {@link #UNCLASSIFIED} for a missing or unmapped reason code. */
public enum RootCause {
    PRODUCT_BUG,
    POLICY_GAP,
    TRAINING_GAP,
    PROCESS_FAILURE,
    DOCUMENTATION_GAP,
    UNCLASSIFIED;

    /** The name used in files, results and reports, e.g. {@code product_bug}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The categories a reason code may be mapped to (all but unclassified). */
    public static List<RootCause> mappable() {
        return Arrays.stream(values()).filter(c -> c != UNCLASSIFIED).toList();
    }

    /** The category named by a code such as {@code product_bug}, or null. */
    public static RootCause ofCode(String code) {
        for (RootCause cause : values()) {
            if (cause.code().equals(code)) {
                return cause;
            }
        }
        return null;
    }
}
