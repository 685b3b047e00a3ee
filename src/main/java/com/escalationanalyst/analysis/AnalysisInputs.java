package com.escalationanalyst.analysis;

import com.escalationanalyst.process.InputRefusedException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What an analysis accepts when it starts, however it is started (the API, a Tasklist form, or the engine
 * REST API, which takes any variables): the inputs of its form and nothing else, each a text of at most
 * {@value #MAX_LENGTH} characters, a period the resolver understands, a segment the CRM knows, and
 * {@code initiator} (whom the review task goes to) only as the person starting it, and segment, tier and region
 * values the CRM knows. The period is checked where it is resolved, by "Resolve period". A refusal is an
 * {@link InputRefusedException}: 400 through the engine REST API and {@code /api}, a message at the form in
 * Tasklist.
 */
@Component
public class AnalysisInputs {

    public static final int MAX_LENGTH = 200;
    public static final Set<String> COMMON = Set.of(AnalysisVariables.PERIOD, AnalysisVariables.FROM, AnalysisVariables.TO,
            AnalysisVariables.PRODUCT_AREA, AnalysisVariables.QUESTION);
    /** A question may be longer than the other inputs. */
    public static final int MAX_QUESTION_LENGTH = 500;

    private final TicketFilterFactory filters;
    private final IdentityService identityService;

    AnalysisInputs(TicketFilterFactory filters, IdentityService identityService) {
        this.filters = filters;
        this.identityService = identityService;
    }

    /** Checks the variables an analysis was started with; {@code extra} names its own inputs beside the common ones. */
    public void check(DelegateExecution execution, Set<String> extra) {
        // typed and not deserialised: an object variable is refused by its type, never instantiated
        VariableMap typed = execution.getVariablesTyped(false);
        for (String name : typed.keySet()) {
            TypedValue typedValue = typed.getValueTyped(name);
            if (typedValue.getType() != null && typedValue.getType() != ValueType.STRING
                    && typedValue.getType() != ValueType.NULL) {
                throw InputRefusedException.refuse(execution, name, "must be a text");
            }
            Object value = typedValue.getValue();
            if (name.equals(AnalysisVariables.INITIATOR)) {
                Authentication user = identityService.getCurrentAuthentication();
                if (user != null && !Objects.equals(user.getUserId(), value)) {
                    throw InputRefusedException.refuse(execution, name, "is the person starting the analysis and cannot be given");
                }
                continue;
            }
            if (name.equals(AnalysisVariables.SOURCE)) {
                if (value != null && !AnalysisVariables.SOURCE_API.equals(value)
                        && !AnalysisVariables.SOURCE_ASK.equals(value)) {
                    throw InputRefusedException.refuse(execution, name, "is set by the API and by asked runs only");
                }
                continue;
            }
            if (name.equals(AnalysisVariables.QUESTION)
                    && AnalysisVariables.SOURCE_API.equals(typed.get(AnalysisVariables.SOURCE))) {
                throw InputRefusedException.refuse(execution, name,
                        "is not an input of an analysis request; questions are asked through /api/ask");
            }
            if (!COMMON.contains(name) && !extra.contains(name)) {
                Set<String> inputs = new TreeSet<>(COMMON);
                inputs.addAll(extra);
                throw InputRefusedException.refuse(execution, name, "unknown input; the inputs are " + String.join(", ", inputs));
            }
            int max = name.equals(AnalysisVariables.QUESTION) ? MAX_QUESTION_LENGTH : MAX_LENGTH;
            if (value != null && ((String) value).length() > max) {
                throw InputRefusedException.refuse(execution, name, "is longer than " + max + " characters");
            }
        }
        // the review task is for the person who started the run from a form; the API and a question get the answer
        execution.setVariable(AnalysisVariables.REVIEW_REQUESTED, typed.get(AnalysisVariables.SOURCE) == null);
        try {
            filters.checkAccountValues((String) typed.get(AnalysisVariables.SEGMENT),
                    (String) typed.get(AnalysisVariables.TIER), (String) typed.get(AnalysisVariables.REGION));
        } catch (AnalysisRequestException e) {
            throw InputRefusedException.refuse(execution, e.field(), e.reason());
        }
    }
}
