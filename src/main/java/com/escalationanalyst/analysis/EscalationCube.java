package com.escalationanalyst.analysis;

import com.escalationanalyst.knowledge.ReasonCodeMap;
import com.escalationanalyst.knowledge.RootCause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The escalation cube, built the same way by the patterns analysis (ticket by ticket, as they stream) and the monthly
 * report (from SQL aggregates per reason code): reason codes mapped to root causes with one reason-code map, sums
 * per root cause × product area, escalations per root cause × team, and for each root cause its top product area and
 * top team — the one with most escalations, ties to the alphabetically first, tickets without one left out. Codes
 * the map does not know are collected (they count as unclassified).
 */
public final class EscalationCube {

    /** Tickets without a product area, in the cells (never a top product area). */
    public static final String NO_AREA = "(none)";

    /** One cell: escalations of a root cause in a product area, and the sums their means come from. */
    public record Cell(String rootCause, String productArea, long count, long resolved, long resolutionMillis,
                       long handleMinutes, long handleTimed) {
    }

    /** A root cause's sums over its product areas, and where and by whom it was mostly handled. */
    public record RootCauseTotals(long escalations, long resolved, long resolutionMillis, long handleMinutes,
                                  long handleTimed, long escalationTimed, long escalationMillis, String topProductArea,
                                  String topTeam) {
    }

    private static final int COUNT = 0;
    private static final int RESOLVED = 1;
    private static final int RESOLUTION_MILLIS = 2;
    private static final int HANDLE_MINUTES = 3;
    private static final int HANDLE_TIMED = 4;
    private static final int ESCALATION_TIMED = 5;
    private static final int ESCALATION_MILLIS = 6;

    private final ReasonCodeMap codes;
    /** root cause → product area (NO_AREA for none) → sums, both sorted. */
    private final Map<String, Map<String, long[]>> cells = new TreeMap<>();
    /** root cause → team → escalations, both sorted. */
    private final Map<String, Map<String, Long>> teams = new TreeMap<>();
    private final TreeSet<String> unmapped = new TreeSet<>();
    private long escalated;

    public EscalationCube(ReasonCodeMap codes) {
        this.codes = codes;
    }

    /** One escalated ticket; a time it does not have is null. */
    public RootCause addTicket(String reasonCode, String productArea, String team, Long resolutionMillis,
                               Integer handleMinutes, Long escalationMillis) {
        RootCause cause = add(reasonCode, productArea, 1, resolutionMillis == null ? 0 : 1,
                resolutionMillis == null ? 0 : resolutionMillis, handleMinutes == null ? 0 : handleMinutes,
                handleMinutes == null ? 0 : 1, escalationMillis == null ? 0 : 1,
                escalationMillis == null ? 0 : escalationMillis);
        addTeam(reasonCode, team, 1);
        return cause;
    }

    /** Escalations of one reason code in one product area, already summed. */
    public RootCause add(String reasonCode, String productArea, long escalations, long resolved, long resolutionMillis,
                         long handleMinutes, long handleTimed, long escalationTimed, long escalationMillis) {
        RootCause cause = codes.rootCauseOf(reasonCode);
        if (reasonCode != null && !codes.codes().containsKey(reasonCode)) {
            unmapped.add(reasonCode);
        }
        long[] sums = cells.computeIfAbsent(cause.code(), k -> new TreeMap<>())
                .computeIfAbsent(productArea == null ? NO_AREA : productArea, k -> new long[7]);
        sums[COUNT] += escalations;
        sums[RESOLVED] += resolved;
        sums[RESOLUTION_MILLIS] += resolutionMillis;
        sums[HANDLE_MINUTES] += handleMinutes;
        sums[HANDLE_TIMED] += handleTimed;
        sums[ESCALATION_TIMED] += escalationTimed;
        sums[ESCALATION_MILLIS] += escalationMillis;
        escalated += escalations;
        return cause;
    }

    /** Escalations of one reason code handled by one team (none: not counted). */
    public void addTeam(String reasonCode, String team, long escalations) {
        if (team != null) {
            teams.computeIfAbsent(codes.rootCauseOf(reasonCode).code(), k -> new TreeMap<>())
                    .merge(team, escalations, Long::sum);
        }
    }

    /** The cells, by root cause and product area. */
    public List<Cell> cells() {
        List<Cell> list = new ArrayList<>();
        cells.forEach((cause, areas) -> areas.forEach((area, s) -> list.add(new Cell(cause, area, s[COUNT],
                s[RESOLVED], s[RESOLUTION_MILLIS], s[HANDLE_MINUTES], s[HANDLE_TIMED]))));
        return list;
    }

    /** Per root cause (sorted): its sums and its top product area and team (null when none is known). */
    public Map<String, RootCauseTotals> byRootCause() {
        Map<String, RootCauseTotals> totals = new TreeMap<>();
        cells.forEach((cause, areas) -> {
            long[] sum = new long[7];
            Map<String, Long> byArea = new HashMap<>();
            areas.forEach((area, s) -> {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += s[i];
                }
                if (!area.equals(NO_AREA)) {
                    byArea.put(area, s[COUNT]);
                }
            });
            totals.put(cause, new RootCauseTotals(sum[COUNT], sum[RESOLVED], sum[RESOLUTION_MILLIS],
                    sum[HANDLE_MINUTES], sum[HANDLE_TIMED], sum[ESCALATION_TIMED], sum[ESCALATION_MILLIS],
                    mode(new TreeMap<>(byArea)), mode(teams.getOrDefault(cause, Map.of()))));
        });
        return totals;
    }

    /** Root cause → top product area, for causes that have one, from {@link #byRootCause()}. */
    public static Map<String, String> topProductAreas(Map<String, RootCauseTotals> byRootCause) {
        Map<String, String> top = new TreeMap<>();
        byRootCause.forEach((cause, t) -> {
            if (t.topProductArea() != null) {
                top.put(cause, t.topProductArea());
            }
        });
        return top;
    }

    /** Root cause → top team, for causes whose tickets name one. */
    public Map<String, String> topTeams() {
        Map<String, String> top = new TreeMap<>();
        teams.forEach((cause, byTeam) -> top.put(cause, mode(byTeam)));
        return top;
    }

    /** Reason codes the map does not know, sorted. */
    public List<String> unmappedReasonCodes() {
        return List.copyOf(unmapped);
    }

    public long escalated() {
        return escalated;
    }

    /** The key with the highest count; ties go to the first in the (sorted) map's order; none: null. */
    private static String mode(Map<String, Long> counts) {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
