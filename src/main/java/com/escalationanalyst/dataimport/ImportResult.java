package com.escalationanalyst.dataimport;

/** A committed import: rows that were new, rows whose content changed. Unchanged rows count in neither. */
public record ImportResult(long inserted, long updated) {
}
