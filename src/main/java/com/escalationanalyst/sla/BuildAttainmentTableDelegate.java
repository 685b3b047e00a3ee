package com.escalationanalyst.sla;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.analysis.DrillDownLinks;
import com.escalationanalyst.period.PeriodVariables;
import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Build attainment table": the answer ({@code result}: period, rows, relative risk), the review table (one row per
 * target and dimension value, attainment with two decimals) and the headline in words.
 */
@Component("buildAttainmentTableDelegate")
class BuildAttainmentTableDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        JsonNode attainment = JsonVariables.read(execution, SlaVariables.ATTAINMENT);
        ObjectNode result = JsonVariables.mapper().createObjectNode();
        result.set("period", PeriodVariables.json(PeriodVariables.read(execution)));
        result.set("tickets", attainment.get("tickets"));
        result.set("ticketsWithoutPolicy", attainment.get("withoutPolicy"));
        result.set("rows", attainment.get("rows"));
        result.set("escalationAfterBreach", attainment.get("risk"));
        result.put("processInstanceId", execution.getProcessInstanceId());
        ObjectNode links = result.putObject("breachedTickets");
        for (JsonNode row : attainment.get("rows")) {
            if (row.get("dimension").asText().equals("all")) {
                links.put(row.get("target").asText(), breachedLink(result, row.get("target").asText()));
            }
        }
        ArrayNode table = JsonVariables.mapper().createArrayNode();
        for (JsonNode row : attainment.get("rows")) {
            ObjectNode line = table.addObject();
            line.put("target", row.get("target").asText().replace('_', ' '));
            line.put("dimension", row.get("dimension").asText());
            line.put("value", row.get("value").asText());
            line.put("met", row.get("met").asLong());
            line.put("breached", row.get("breached").asLong());
            line.put("running", row.get("running").asLong());
            line.put("attainment", percent(row.get("attainmentPct")));
        }
        execution.setVariable(AnalysisVariables.RESULT, JsonVariables.json(result));
        execution.setVariable(AnalysisVariables.SUMMARY_TABLE, JsonVariables.json(table));
        StringBuilder headline = new StringBuilder(headline(attainment));
        for (JsonNode row : attainment.get("rows")) {
            if (row.get("dimension").asText().equals("all") && row.get("breached").asLong() > 0) {
                headline.append(headline.indexOf("Breached tickets:") < 0 ? "\n\nBreached tickets: " : " · ").append('[')
                        .append(row.get("target").asText().replace('_', ' ')).append(": ").append(row.get("breached").asLong())
                        .append("](").append(breachedLink(result, row.get("target").asText())).append(')');
            }
        }
        execution.setVariable(SlaVariables.HEADLINE, headline.toString());
    }

    /** The drill-down of the tickets that breached {@code target} in this run. */
    static String breachedLink(JsonNode result, String target) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("periodFrom", result.at("/period/from").asText());
        parameters.put("periodTo", result.at("/period/to").asText());
        parameters.put("run", result.get("processInstanceId").asText());
        parameters.put("slaBreached", target);
        return DrillDownLinks.tickets(parameters);
    }

    static String percent(JsonNode value) {
        return value == null || value.isNull() ? "" : String.format(Locale.ROOT, "%.2f %%", value.asDouble());
    }

    /** Overall attainment of both targets and the relative risk of escalation after a breach, in words. */
    static String headline(JsonNode attainment) {
        StringBuilder text = new StringBuilder();
        for (JsonNode row : attainment.get("rows")) {
            if (row.get("dimension").asText().equals("all")) {
                text.append(text.isEmpty() ? "" : "; ").append(row.get("target").asText().replace('_', ' '))
                        .append(" SLA met for ").append(percent(row.get("attainmentPct")).isEmpty() ? "no decided ticket"
                                : percent(row.get("attainmentPct")) + " of " + (row.get("met").asLong()
                                + row.get("breached").asLong()) + " decided tickets");
            }
        }
        JsonNode risk = attainment.get("risk");
        if (!risk.get("relativeRisk").isNull()) {
            text.append(String.format(Locale.ROOT, ". Tickets that breached an SLA escalated afterwards %.1f times as often "
                            + "as the others (%.2f %% against %.2f %%; 95 %% interval %.2f to %.2f%s).",
                    risk.get("relativeRisk").asDouble(), risk.get("riskAfterBreachPct").asDouble(),
                    risk.get("riskOtherPct").asDouble(), risk.get("low").asDouble(), risk.get("high").asDouble(),
                    risk.get("corrected").asBoolean() ? ", with 0.5 added to each count because one is zero" : ""));
        } else {
            text.append(text.isEmpty() ? "No ticket with an SLA in this period." : ".");
        }
        return text.toString();
    }
}
