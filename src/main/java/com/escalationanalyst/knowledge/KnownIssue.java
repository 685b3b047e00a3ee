package com.escalationanalyst.knowledge;

import java.util.List;

/** A documented product issue (docs/knowledge.md, "Document formats"). */
public record KnownIssue(
        String id,
        String title,
        String productArea,
        String status,
        String symptoms,
        String workaround,
        String plannedFix) {

    public static final List<String> STATUSES = List.of("open", "fix_planned", "fixed", "wont_fix");

    public boolean hasWorkaround() {
        return workaround != null && !workaround.isBlank();
    }
}
