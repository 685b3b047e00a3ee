package com.escalationanalyst.ask;

import com.escalationanalyst.analysis.AnalysisInputs;
import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.ProcessIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ask {"question": "..."}}: runs AskEscalationAnalystProcess to its end and answers with what it
 * understood, the narrative and the skill's answer, or with a reply that asks back ({@code understood.skill}
 * "clarify", {@code clarification}).
 */
@RestController
class AskController {

    private final RuntimeService runtimeService;

    AskController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @PostMapping("/api/ask")
    JsonNode ask(@RequestBody(required = false) JsonNode request) throws Exception {
        if (request == null || !request.isObject()) {
            throw new AnalysisRequestException("body", "must be a JSON object with a question");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(AnalysisVariables.QUESTION)) {
                throw new AnalysisRequestException(name, "unknown field; the only field is question");
            }
        }
        JsonNode question = request.get(AnalysisVariables.QUESTION);
        if (question == null || !question.isTextual() || question.asText().isBlank()) {
            throw new AnalysisRequestException(AnalysisVariables.QUESTION, "is required: the question, in words");
        }
        if (question.asText().length() > AnalysisInputs.MAX_QUESTION_LENGTH) {
            throw new AnalysisRequestException(AnalysisVariables.QUESTION, "is longer than "
                    + AnalysisInputs.MAX_QUESTION_LENGTH + " characters");
        }
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(ProcessIds.ASK)
                .setVariable(AnalysisVariables.QUESTION, question.asText().trim())
                .setVariable(AnalysisVariables.SOURCE, AnalysisVariables.SOURCE_API)
                .executeWithVariablesInReturn();
        return JsonVariables.mapper().readTree(instance.getVariables().get(AskVariables.ANSWER).toString());
    }
}
