package com.escalationanalyst.ask;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Write the answer": {@code answer} (JSON, what POST /api/ask returns) and {@code narrative} (Markdown, for the
 * form): what was understood, the findings in words and the skill's answer; or the reply that asks back.
 */
@Component("writeAnswerDelegate")
class WriteAnswerDelegate implements JavaDelegate {

    static final int FORM_TEXT_LENGTH = 3900;

    @Override
    public void execute(DelegateExecution execution) {
        String skill = (String) execution.getVariable(AskVariables.ASKED_SKILL);
        ObjectNode answer = JsonVariables.mapper().createObjectNode();
        answer.put("question", (String) execution.getVariable(AnalysisVariables.QUESTION));
        ObjectNode understood = answer.putObject("understood");
        understood.put("skill", skill);
        understood.put("summary", (String) execution.getVariable(AskVariables.UNDERSTOOD));
        for (String name : new String[] {AnalysisVariables.PERIOD, AnalysisVariables.PRODUCT_AREA,
                AnalysisVariables.SEGMENT, AnalysisVariables.TIER, AnalysisVariables.REGION, AskVariables.DIMENSION,
                AskVariables.MONTH}) {
            Object value = execution.getVariable(name);
            if (value != null) {
                understood.put(name, value.toString());
            }
        }
        answer.set("notes", JsonVariables.read(execution, AskVariables.NOTES));
        String narrative;
        switch (skill) {
            case Understanding.PATTERNS, Understanding.SEGMENTS -> {
                JsonNode result = JsonVariables.read(execution, AskVariables.SKILL_RESULT);
                narrative = skill.equals(Understanding.PATTERNS) ? AnswerNarrative.patterns(result)
                        : AnswerNarrative.segments(result);
                answer.set("result", result);
                answer.put("archive", (String) execution.getVariable(AskVariables.ARCHIVE_LINK));
            }
            case Understanding.REPORT -> {
                String link = (String) execution.getVariable(AskVariables.REPORT_LINK);
                narrative = AnswerNarrative.report((String) execution.getVariable(AskVariables.SUBJECT), link);
                ObjectNode report = answer.putObject("report");
                report.put("reportId", (String) execution.getVariable(AskVariables.REPORT_ID));
                report.put("subject", (String) execution.getVariable(AskVariables.SUBJECT));
                report.put("page", link);
                answer.put("archive", (String) execution.getVariable(AskVariables.ARCHIVE_LINK));
            }
            default -> {
                narrative = (String) execution.getVariable(AskVariables.CLARIFICATION);
                answer.put("clarification", narrative);
            }
        }
        answer.put("narrative", narrative);
        answer.put("processInstanceId", execution.getProcessInstanceId());
        execution.setVariable(AskVariables.ANSWER, JsonVariables.json(answer));
        // a string variable holds at most 4,000 characters; the API's answer keeps the whole text
        execution.setVariable(AskVariables.NARRATIVE, narrative.length() <= FORM_TEXT_LENGTH ? narrative
                : narrative.substring(0, FORM_TEXT_LENGTH) + " … (the answer continues in the archive)");
    }
}
