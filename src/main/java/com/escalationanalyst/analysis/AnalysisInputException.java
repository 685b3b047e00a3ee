package com.escalationanalyst.analysis;

import com.escalationanalyst.api.FieldProblem;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * An input an analysis was started with and cannot use. Thrown inside the engine while the process starts;
 * the engine REST API (start and Tasklist's submit-form alike) passes its status on: 400 with the message,
 * which Tasklist shows at the form. (A ProcessEngineException would be answered 500 by the start endpoint.)
 * The refusal is logged once, at WARN, by {@link AnalysisInputs}; the engine's own ERROR report of the failed
 * command is left out of the log ({@link RefusedInputLogFilter}).
 */
public class AnalysisInputException extends InvalidRequestException implements FieldProblem {

    private final String field;

    public AnalysisInputException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field + ": " + message);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
