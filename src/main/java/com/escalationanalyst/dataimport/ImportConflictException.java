package com.escalationanalyst.dataimport;

import com.escalationanalyst.api.ApiException;
import com.escalationanalyst.api.ProblemError;
import com.escalationanalyst.api.ProblemType;
import java.util.List;

/** Another import into the same store held it for longer than an import waits; nothing was changed. */
public class ImportConflictException extends ApiException {

    ImportConflictException(String store, long waitedMillis, Throwable cause) {
        super("another import into the " + store + " store is running and did not finish within " + waitedMillis
                + " ms; nothing of this file was stored, send it again", cause);
    }

    @Override
    public ProblemType type() {
        return ProblemType.IMPORT_BUSY;
    }

    @Override
    public List<ProblemError> errors() {
        return List.of(new ProblemError(0L, null, getMessage()));
    }
}
