package com.escalationanalyst.archive;

import java.time.Instant;

/** A page of the archive: newest first, each filter optional (null); {@code from} inclusive, {@code to} exclusive. */
public record RunQuery(String skill, String startedBy, Instant from, Instant to, int page, int size) {
}
