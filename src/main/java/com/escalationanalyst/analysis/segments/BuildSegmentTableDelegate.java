package com.escalationanalyst.analysis.segments;

import static com.escalationanalyst.analysis.AnalysisVariables.RESULT;
import static com.escalationanalyst.analysis.AnalysisVariables.SUMMARY_TABLE;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.analysis.DrillDownLinks;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodVariables;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.NumberText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Build comparison table": the API's answer and the rows of the review form. */
@Component("buildSegmentTableDelegate")
class BuildSegmentTableDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Period period = PeriodVariables.read(execution);
        JsonNode computed = JsonVariables.read(execution, SegmentVariables.SEGMENT_RESULT);
        ObjectNode result = JsonVariables.mapper().createObjectNode();
        result.set("period", PeriodVariables.json(period));
        result.put("dimension", (String) execution.getVariable(SegmentVariables.DIMENSION));
        result.set("totalTickets", computed.get("totalTickets"));
        result.set("escalatedTickets", computed.get("escalatedTickets"));
        result.set("overallRate", computed.get("overallRate"));
        result.set("comparedValues", computed.get("comparedValues"));
        result.set("rows", computed.get("rows"));
        result.put("processInstanceId", execution.getProcessInstanceId());

        ArrayNode table = JsonVariables.mapper().createArrayNode();
        for (JsonNode row : computed.get("rows")) {
            ObjectNode cell = table.addObject();
            boolean flagged = row.get("significantlyAbove").asBoolean();
            cell.put("value", (flagged ? "▲ " : "") + row.get("value").asText());
            cell.put("totalTickets", row.get("totalTickets").asLong());
            cell.put("escalatedTickets", row.get("escalatedTickets").asLong());
            cell.put("escalationRate", percent(row.get("escalationRate")));
            cell.put("deviationPts", signed(row.get("deviationPts")));
            cell.put("ci95", row.get("ci95Low").isNull() ? "" : "%s – %s".formatted(
                    percent(row.get("ci95Low")), percent(row.get("ci95High"))));
            // the review form's narrow first table shows the rate with its interval in one cell
            cell.put("rateWithInterval", row.get("ci95Low").isNull() ? percent(row.get("escalationRate"))
                    : "%s (%s – %s)".formatted(percent(row.get("escalationRate")), percent(row.get("ci95Low")),
                    percent(row.get("ci95High"))));
            cell.put("pValue", pValue(row));
            cell.put("flag", flagged ? "SIGNIFICANTLY ABOVE" : row.path("note").asText(""));
        }
        execution.setVariable(RESULT, JsonVariables.json(result));
        execution.setVariable(SUMMARY_TABLE, JsonVariables.json(table));
        execution.setVariable(SegmentVariables.TICKET_LINKS, ticketLinks(result,
                (String) execution.getVariable(AnalysisVariables.PRODUCT_AREA)));
        execution.setVariable(SegmentVariables.OVERALL_RATE_TEXT, String.format(Locale.ENGLISH,
                "Overall: %,d tickets, %,d escalated (%s): the rate each group is measured against.",
                computed.get("totalTickets").asLong(), computed.get("escalatedTickets").asLong(),
                computed.get("overallRate").isNull() ? "no tickets" : percent(computed.get("overallRate"))));
    }

    /**
     * "Tickets of each group: [Strategic: 1,234](/tickets?…) · …" for a single dimension (segment, tier, region),
     * with the run's exact period and product area; groups the CRM does not name (unknown, none) have no link.
     */
    static String ticketLinks(JsonNode result, String productArea) {
        String dimension = result.get("dimension").asText();
        if (!List.of("segment", "tier", "region").contains(dimension)) {
            return "";
        }
        StringBuilder links = new StringBuilder();
        for (JsonNode row : result.get("rows")) {
            String value = row.get("value").asText();
            if (value.equals(SegmentDimension.UNKNOWN) || value.equals(SegmentDimension.NONE)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("periodFrom", result.at("/period/from").asText());
            parameters.put("periodTo", result.at("/period/to").asText());
            parameters.put("productArea", productArea);
            parameters.put(dimension, value);
            links.append(links.isEmpty() ? "Tickets of each " + dimension + ": " : " · ").append('[').append(value)
                    .append(": ").append(String.format(Locale.ENGLISH, "%,d", row.get("totalTickets").asLong()))
                    .append("](").append(DrillDownLinks.tickets(parameters)).append(')');
        }
        return links.toString();
    }

    /** Four decimals, "< 0.0001" below that; none for a group that was not tested (it has a note saying why). */
    static String pValue(JsonNode row) {
        JsonNode p = row.get("pValue");
        if (p == null || p.isNull() || row.path("note").isTextual()) {
            return "";
        }
        return NumberText.pValue(p.asDouble());
    }

    private static String percent(JsonNode value) {
        return value == null || value.isNull() ? "" : String.format(Locale.ROOT, "%.2f %%", value.asDouble());
    }

    private static String signed(JsonNode value) {
        return value == null || value.isNull() ? "" : String.format(Locale.ROOT, "%+.2f pts", value.asDouble());
    }
}
