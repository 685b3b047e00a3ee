package com.escalationanalyst.dataimport;

/** Another import into the same store held it for longer than an import waits; nothing was changed. */
public class ImportConflictException extends RuntimeException {

    ImportConflictException(String store, long waitedMillis, Throwable cause) {
        super("another import into the " + store + " store is running and did not finish within " + waitedMillis
                + " ms; nothing of this file was stored, send it again", cause);
    }
}
