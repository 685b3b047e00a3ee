package com.escalationanalyst.process;

import com.escalationanalyst.api.FieldProblem;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input a process was started with and cannot use, found by the step that uses it (the start listener for the
 * set of inputs, "Resolve period" for the period, "Resolve report month" for the month). Thrown inside the engine
 * while the process starts, so nothing is started; the engine REST API (start and Tasklist's submit-form alike)
 * passes its status on: 400 with the message, which Tasklist shows at the form, and {@code /api} answers the
 * problem type invalid-field naming the input. (A ProcessEngineException would be answered 500 by the start
 * endpoint.) {@link #refuse} logs the refusal once, at WARN; the engine's own ERROR report of the failed command
 * is left out of the log ({@link RefusedInputLogFilter}).
 */
public class InputRefusedException extends InvalidRequestException implements FieldProblem, RefusedStart {

    private static final Logger log = LoggerFactory.getLogger(InputRefusedException.class);

    private final String field;

    public InputRefusedException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field + ": " + message);
        this.field = field;
    }

    /** The refusal of {@code field} for the process {@code execution} belongs to, logged as one WARN line. */
    public static InputRefusedException refuse(DelegateExecution execution, String field, String reason) {
        InputRefusedException refused = new InputRefusedException(field, reason);
        log.warn("{} not started: {}", ((ExecutionEntity) execution).getProcessDefinition().getKey(),
                refused.getMessage());
        return refused;
    }

    @Override
    public String field() {
        return field;
    }
}
