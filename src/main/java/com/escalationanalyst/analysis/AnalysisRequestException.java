package com.escalationanalyst.analysis;

import com.escalationanalyst.api.InvalidFieldException;

/** A request field that cannot be used; answered with 400 naming the field. */
public class AnalysisRequestException extends InvalidFieldException {

    public AnalysisRequestException(String field, String message) {
        super(field, field + ": " + message);
    }
}
