package com.escalationanalyst.drilldown;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.analysis.patterns.ClusterMembers;
import com.escalationanalyst.analysis.patterns.KnownIssueMatching;
import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodException;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.sla.SlaBreachMembers;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads a drill-down's request parameters (the same for the page, the JSON and the CSV), refusing each bad one
 * with its name. The period is a phrase or from/to dates as everywhere, or {@code periodFrom}/{@code periodTo}:
 * the exact instants an analysis used (its links carry them, so that "last 30 days" lists the tickets it counted).
 */
@Component
class TicketSelections {

    /** Parameters a drill-down takes; anything else is refused rather than ignored. */
    static final List<String> PARAMETERS = List.of("period", "from", "to", "periodFrom", "periodTo", "productArea",
            "segment", "tier", "region", "escalated", "rootCause", "knownIssue", "run", "cluster", "slaBreached", "sort",
            "page", "size");

    private final PeriodResolver periods;
    private final TicketFilterFactory filters;
    private final KnowledgeService knowledge;
    private final KnownIssueMatching matching;
    private final ClusterMembers clusterMembers;
    private final SlaBreachMembers breachMembers;
    private final ZoneId zone;

    TicketSelections(PeriodResolver periods, TicketFilterFactory filters, KnowledgeService knowledge,
                     KnownIssueMatching matching, ClusterMembers clusterMembers, SlaBreachMembers breachMembers,
                     EscalationSettings escalation) {
        this.clusterMembers = clusterMembers;
        this.breachMembers = breachMembers;
        this.periods = periods;
        this.filters = filters;
        this.knowledge = knowledge;
        this.matching = matching;
        this.zone = escalation.timeZone();
    }

    TicketSelection of(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new AnalysisRequestException(name, "unknown parameter; the parameters are "
                        + String.join(", ", PARAMETERS));
            }
        }
        Map<String, String> p = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                p.put(name, value.trim());
            }
        });
        Period period = period(p);
        TicketFilter filter = filters.filter(period, p.get("productArea"), p.get("segment"), p.get("tier"), p.get("region"));
        Boolean escalated = switch (p.getOrDefault("escalated", "")) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> throw new AnalysisRequestException("escalated", "must be true or false");
        };
        KnowledgeSnapshot snapshot = knowledge.current();
        RootCause cause = null;
        List<String> codes = null;
        if (p.containsKey("rootCause")) {
            cause = RootCause.ofCode(p.get("rootCause").toLowerCase(Locale.ROOT).replace(' ', '_'));
            if (cause == null) {
                throw new AnalysisRequestException("rootCause", "'" + p.get("rootCause") + "' is not a root cause; use one of "
                        + String.join(", ", Arrays.stream(RootCause.values()).map(RootCause::code).toList()));
            }
            codes = new ArrayList<>();
            for (RootCause mapped : RootCause.mappable()) {
                if (cause == RootCause.UNCLASSIFIED || mapped == cause) {
                    codes.addAll(snapshot.reasonCodes().codesOf(mapped));
                }
            }
            // the root cause is that of an escalation: a ticket that did not escalate has none
            escalated = Boolean.TRUE;
        }
        String issue = p.get("knownIssue");
        TicketSelection.Members members = null;
        if (issue != null) {
            if (snapshot.knownIssue(issue).isEmpty()) {
                throw new AnalysisRequestException("knownIssue", "'" + issue + "' is not a known issue in the knowledge");
            }
            escalated = Boolean.TRUE;
            members = TicketSelection.Members.listed(matching.ticketsOf(issue, filter, snapshot), null);
        }
        if (p.containsKey("slaBreached")) {
            if (issue != null || p.containsKey("cluster")) {
                throw new AnalysisRequestException("slaBreached", "give slaBreached with run alone, not with knownIssue or cluster");
            }
            members = breached(p);
        } else if (p.containsKey("cluster") || p.containsKey("run")) {
            if (issue != null) {
                throw new AnalysisRequestException("cluster", "a cluster's tickets match no known issue: give cluster"
                        + " or knownIssue, not both");
            }
            members = cluster(p);
            escalated = Boolean.TRUE;
        }
        return new TicketSelection(filter, escalated, cause, codes, issue, members, sort(p.get("sort")));
    }

    /** The tickets that breached SLA target {@code slaBreached} (first_response, resolution) in attainment run {@code run}. */
    private TicketSelection.Members breached(Map<String, String> p) {
        String target = p.get("slaBreached");
        if (!List.of(SlaPolicies.FIRST_RESPONSE, SlaPolicies.RESOLUTION).contains(target)) {
            throw new AnalysisRequestException("slaBreached", "'" + target + "' is not first_response or resolution");
        }
        if (!p.containsKey("run")) {
            throw new AnalysisRequestException("run", "breached tickets are those of an SLA attainment run: give run");
        }
        if (!breachMembers.known(p.get("run"))) {
            throw new AnalysisRequestException("run", "run " + p.get("run") + " kept no SLA breaches (an SLA attainment run "
                    + "keeps them as long as the analyses archive keeps the run)");
        }
        String description = "that breached their " + target.replace('_', ' ') + " target in SLA attainment run " + p.get("run");
        List<String> listed = breachMembers.listed(p.get("run"), target);
        return listed.isEmpty()
                ? TicketSelection.Members.selected(SlaBreachMembers.TICKETS_OF_RUN, List.of(p.get("run"), target), description)
                : TicketSelection.Members.listed(listed, description);
    }

    /** The tickets of candidate {@code cluster} (its place in the answer, from 0) of patterns run {@code run}. */
    private TicketSelection.Members cluster(Map<String, String> p) {
        if (!p.containsKey("run") || !p.containsKey("cluster")) {
            throw new AnalysisRequestException(p.containsKey("run") ? "cluster" : "run",
                    "a cluster is named by run (the analysis's id) and cluster (its number in the answer, from 0)");
        }
        int number;
        try {
            number = Integer.parseInt(p.get("cluster"));
        } catch (NumberFormatException e) {
            throw new AnalysisRequestException("cluster", "'" + p.get("cluster") + "' is not a number");
        }
        List<String> members = clusterMembers.of(p.get("run"), number);
        if (members.isEmpty()) {
            throw new AnalysisRequestException("cluster", "run " + p.get("run") + " kept no cluster " + number
                    + " (a patterns run keeps its clusters as long as the analyses archive keeps the run)");
        }
        return TicketSelection.Members.listed(members, "of one candidate new known issue (" + members.size() + " tickets)");
    }

    private Period period(Map<String, String> p) {
        if (p.containsKey("periodFrom") || p.containsKey("periodTo")) {
            OffsetDateTime from = instant(p, "periodFrom");
            OffsetDateTime to = instant(p, "periodTo");
            if (!from.isBefore(to)) {
                throw new AnalysisRequestException("periodTo", "must be after periodFrom");
            }
            return new Period(from.atZoneSameInstant(zone), to.atZoneSameInstant(zone), zone, from + " to " + to);
        }
        try {
            return periods.resolve(p.get("period"), p.get("from"), p.get("to"));
        } catch (PeriodException e) {
            throw new AnalysisRequestException(e.field(), e.reason());
        }
    }

    private static OffsetDateTime instant(Map<String, String> p, String name) {
        String text = p.get(name);
        if (text == null) {
            throw new AnalysisRequestException(name, "is required with " + (name.equals("periodFrom") ? "periodTo" : "periodFrom"));
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new AnalysisRequestException(name, "'" + text + "' is not an instant with an offset (2026-10-01T00:00Z)");
        }
    }

    private static TicketSelection.Sort sort(String text) {
        if (text == null) {
            return new TicketSelection.Sort(TicketSelection.Column.CREATED_AT, true);
        }
        boolean descending = text.startsWith("-");
        String name = (descending ? text.substring(1) : text).toUpperCase(Locale.ROOT);
        for (TicketSelection.Column column : TicketSelection.Column.values()) {
            if (column.name().equals(name)) {
                return new TicketSelection.Sort(column, descending);
            }
        }
        throw new AnalysisRequestException("sort", "'" + text + "' is not a column to sort by; use one of "
                + String.join(", ", Arrays.stream(TicketSelection.Column.values())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()) + ", with - in front for descending");
    }
}
