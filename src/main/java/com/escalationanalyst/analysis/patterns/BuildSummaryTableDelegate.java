package com.escalationanalyst.analysis.patterns;

import static com.escalationanalyst.analysis.AnalysisVariables.KNOWLEDGE_GENERATION;
import static com.escalationanalyst.analysis.AnalysisVariables.PRODUCT_AREA;
import static com.escalationanalyst.analysis.AnalysisVariables.RESULT;
import static com.escalationanalyst.analysis.AnalysisVariables.SEGMENT;
import static com.escalationanalyst.analysis.AnalysisVariables.SUMMARY_TABLE;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.analysis.DrillDownLinks;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.PolicyReference;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodVariables;
import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Build summary table": the run's answer (the API's JSON, field names as in the patterns issue)
 * and the rows of the review form's table, with the policy section behind each recommendation.
 */
@Component("buildSummaryTableDelegate")
class BuildSummaryTableDelegate implements JavaDelegate {

    private final KnowledgeService knowledge;

    BuildSummaryTableDelegate(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        KnowledgeSnapshot snapshot = knowledge.snapshot((Long) execution.getVariable(KNOWLEDGE_GENERATION));
        Period period = PeriodVariables.read(execution);
        JsonNode ranking = JsonVariables.read(execution, PatternVariables.RANKING);
        JsonNode findings = JsonVariables.read(execution, PatternVariables.FINDINGS);
        JsonNode recommendations = JsonVariables.read(execution, PatternVariables.RECOMMENDATIONS);
        // decided once, in "Relate known issues to root causes", as an input of the decision
        Set<String> documentedBug = new HashSet<>();
        for (JsonNode input : JsonVariables.read(execution, PatternVariables.RECOMMENDATION_INPUTS)) {
            if (input.get("knownIssueMatched").asBoolean()) {
                documentedBug.add(input.get("rootCause").asText());
            }
        }

        ObjectNode result = JsonVariables.mapper().createObjectNode();
        result.set("period", PeriodVariables.json(period));
        ObjectNode filters = result.putObject("filters");
        filters.put("productArea", (String) execution.getVariable(PRODUCT_AREA));
        filters.put("segment", (String) execution.getVariable(SEGMENT));
        filters.put("tier", (String) execution.getVariable(AnalysisVariables.TIER));
        filters.put("region", (String) execution.getVariable(AnalysisVariables.REGION));
        result.set("totalTickets", ranking.get("totalTickets"));
        result.set("escalatedTickets", ranking.get("escalatedTickets"));
        result.set("escalationRate", ranking.get("escalationRate"));
        result.set("meanTimeToEscalationMinutes", ranking.get("meanTimeToEscalationMinutes"));
        result.set("agentCostPerHour", ranking.get("agentCostPerHour"));
        result.set("currency", ranking.get("currency"));

        ArrayNode rows = result.putArray("rows");
        ArrayNode table = JsonVariables.mapper().createArrayNode();
        for (JsonNode ranked : ranking.get("rows")) {
            String cause = ranked.get("rootCause").asText();
            ObjectNode row = ((ObjectNode) ranked.deepCopy());
            row.remove("resolved");
            JsonNode issues = findings.path("knownIssuesByRootCause").path(cause);
            row.set("knownIssues", issues.isMissingNode() ? JsonVariables.mapper().createArrayNode() : issues);
            row.put("matchesDocumentedBug", documentedBug.contains(cause));
            JsonNode decided = recommendations == null ? null : recommendations.get(cause);
            row.put("recommendedAction", decided == null ? null : decided.path("action").asText(null));
            PolicyReference policy = decided == null ? null
                    : snapshot.findPolicy(decided.path("policyQuery").asText("")).orElse(null);
            if (policy == null) {
                row.putNull("policy");
            } else {
                ObjectNode p = row.putObject("policy");
                p.put("document", policy.document());
                p.put("heading", policy.heading());
                p.put("quote", policy.quote());
            }
            rows.add(row);
            table.add(tableRow(row));
        }
        result.set("unmappedReasonCodes", JsonVariables.read(execution, PatternVariables.UNMAPPED_REASON_CODES));
        result.set("clusters", findings.get("clusters"));
        result.set("knownIssuesStillEscalating", findings.get("stillEscalating"));
        JsonNode costImpact = JsonVariables.read(execution, PatternVariables.COST_IMPACT);
        result.set("knownIssueSavings", costImpact.get("knownIssues"));
        result.set("topSavings", costImpact.get("topSavings"));
        result.put("processInstanceId", execution.getProcessInstanceId());

        execution.setVariable(RESULT, JsonVariables.json(result));
        execution.setVariable(SUMMARY_TABLE, JsonVariables.json(table));
        execution.setVariable(PatternVariables.HEADLINE, headline(result));
        execution.setVariable(PatternVariables.TICKET_LINKS, ticketLinks(result));
        execution.setVariable(PatternVariables.CANDIDATE_LINKS, candidateLinks(result, execution.getProcessInstanceId()));
        execution.setVariable(PatternVariables.SAVINGS_TEXT, savings(costImpact));
        execution.setVariable(PatternVariables.UNMAPPED_TEXT, unmapped(result.get("unmappedReasonCodes")));
        execution.setVariable(PatternVariables.CANDIDATE_ISSUES_TABLE, JsonVariables.json(candidates(result.get("clusters"))));
        execution.setVariable(PatternVariables.STILL_ESCALATING_TABLE,
                JsonVariables.json(stillEscalating(result.get("knownIssuesStillEscalating"))));
    }

    /** "1,234 tickets, 85 escalated (6.89 %); mean time to escalation 3.25 h". */
    static String headline(JsonNode result) {
        long total = result.get("totalTickets").asLong();
        JsonNode rate = result.get("escalationRate");
        JsonNode minutes = result.get("meanTimeToEscalationMinutes");
        return String.format(Locale.ENGLISH, "%,d tickets, %,d escalated (%s); mean time to escalation %s", total,
                result.get("escalatedTickets").asLong(), rate == null || rate.isNull() ? "no tickets"
                        : twoDecimals(rate) + " %", minutes == null || minutes.isNull() ? "not known (no escalation times)"
                        : String.format(Locale.ROOT, "%.2f h", minutes.asDouble() / 60));
    }

    /** "Tickets behind the counts: [product bug: 42](/tickets?…) · …", the run's exact period and filters kept. */
    static String ticketLinks(JsonNode result) {
        StringBuilder links = new StringBuilder();
        for (JsonNode row : result.get("rows")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("periodFrom", result.at("/period/from").asText());
            parameters.put("periodTo", result.at("/period/to").asText());
            result.get("filters").fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText(null)));
            parameters.put("rootCause", row.get("rootCause").asText());
            links.append(links.isEmpty() ? "Tickets behind the counts: " : " · ").append('[')
                    .append(row.get("rootCause").asText().replace('_', ' ')).append(": ").append(row.get("count").asLong())
                    .append("](").append(DrillDownLinks.tickets(parameters)).append(')');
        }
        return links.isEmpty() ? "No escalated ticket in this period." : links.toString();
    }

    /** "Their tickets: [Slack alerts stopped …: 12](/tickets?…&run=…&cluster=0) · …"; empty without candidates. */
    static String candidateLinks(JsonNode result, String runId) {
        StringBuilder links = new StringBuilder();
        JsonNode clusters = result.get("clusters");
        for (int i = 0; i < clusters.size(); i++) {
            links.append(links.isEmpty() ? "Their tickets: " : " · ").append('[')
                    .append(clusters.get(i).get("label").asText().replace("[", "(").replace("]", ")")).append(": ")
                    .append(clusters.get(i).get("tickets").asLong()).append("](")
                    .append(DrillDownLinks.cluster(result.at("/period/from").asText(), result.at("/period/to").asText(),
                            runId, i)).append(')');
        }
        return links.toString();
    }

    /** The three fixes that would save most in the period, one sentence each (a Markdown list). */
    static String savings(JsonNode costImpact) {
        StringBuilder text = new StringBuilder();
        for (JsonNode fix : costImpact.get("topSavings")) {
            text.append(text.isEmpty() ? "" : "\n").append("- ").append(FixSavings.sentence(fix,
                    costImpact.get("currency").asText(), costImpact.get("agentCostPerHour").asDouble(), "in this period"));
        }
        return text.isEmpty() ? "No escalated ticket in this period." : text.toString();
    }

    static String unmapped(JsonNode codes) {
        if (codes == null || codes.isEmpty()) {
            return "Every reason code maps to a root cause.";
        }
        StringBuilder text = new StringBuilder();
        codes.forEach(code -> text.append(text.isEmpty() ? "" : ", ").append(code.asText()));
        return "Reason codes with no root cause (counted as unclassified; map them in reason-codes.yaml): " + text;
    }

    private static ArrayNode candidates(JsonNode clusters) {
        ArrayNode rows = JsonVariables.mapper().createArrayNode();
        for (JsonNode cluster : clusters) {
            ObjectNode row = rows.addObject();
            row.put("label", cluster.get("label").asText());
            row.put("where", cluster.get("productArea").asText() + " · " + cluster.get("tickets").asLong() + " tickets");
            row.put("phrases", join(cluster.get("phrases"), 5, cluster.get("phrases").size()));
            row.put("ticketIds", join(cluster.get("ticketIds"), 5, cluster.get("tickets").asLong()));
        }
        return rows;
    }

    private static ArrayNode stillEscalating(JsonNode issues) {
        ArrayNode rows = JsonVariables.mapper().createArrayNode();
        for (JsonNode issue : issues) {
            ObjectNode row = rows.addObject();
            row.put("issue", issue.get("id").asText() + " " + issue.get("title").asText());
            row.put("status", issue.get("status").asText());
            row.put("avoidableEscalations", issue.get("avoidableEscalations").asLong());
            row.put("finding", issue.get("finding").asText());
        }
        return rows;
    }

    /** The first {@code max} texts joined with commas, "and N more" after them when there are {@code total}. */
    private static String join(JsonNode texts, int max, long total) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < Math.min(max, texts.size()); i++) {
            joined.append(i == 0 ? "" : ", ").append(texts.get(i).asText());
        }
        long shown = Math.min(max, texts.size());
        if (total > shown) {
            joined.append(" and ").append(total - shown).append(" more");
        }
        return joined.toString();
    }

    /** What the review form shows: numbers with two decimals, issues as "KI-318 (42)". */
    private static ObjectNode tableRow(JsonNode row) {
        ObjectNode cell = JsonVariables.mapper().createObjectNode();
        cell.put("rootCause", row.get("rootCause").asText().replace('_', ' '));
        cell.put("count", row.get("count").asLong());
        cell.put("percentOfEscalations", twoDecimals(row.get("percentOfEscalations")) + " %");
        JsonNode hours = row.get("avgResolutionHours");
        cell.put("avgResolutionHours", hours == null || hours.isNull() ? "no resolved tickets" : twoDecimals(hours) + " h");
        cell.put("unresolved", row.get("unresolved").asLong());
        cell.put("topProductArea", row.path("topProductArea").asText(""));
        cell.put("topTeam", row.path("topTeam").asText(""));
        // one column for both keeps the table within the task form at 1280 pixels
        String team = row.path("topTeam").asText("");
        cell.put("topAreaAndTeam", row.path("topProductArea").asText("") + (team.isEmpty() ? "" : " / " + team));
        // the three issues with most tickets keep the column readable; the API result has them all
        StringBuilder issues = new StringBuilder();
        JsonNode known = row.get("knownIssues");
        for (int i = 0; i < Math.min(3, known.size()); i++) {
            if (i > 0) {
                issues.append(", ");
            }
            issues.append(known.get(i).get("id").asText()).append(" (").append(known.get(i).get("tickets").asLong()).append(')');
        }
        if (known.size() > 3) {
            issues.append(" and ").append(known.size() - 3).append(" more");
        }
        cell.put("knownIssues", issues.isEmpty() ? "none" : issues.toString());
        cell.put("recommendedAction", row.path("recommendedAction").asText(""));
        JsonNode policy = row.get("policy");
        cell.put("policy", policy == null || policy.isNull() ? ""
                : policy.get("document").asText() + " › " + policy.get("heading").asText());
        return cell;
    }

    private static String twoDecimals(JsonNode number) {
        return number == null || number.isNull() ? "" : String.format(Locale.ROOT, "%.2f", number.asDouble());
    }
}
