package com.escalationanalyst.sla;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.sla.SlaClock.Pause;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the SLA monitor reads and writes: the open tickets with their account's tier and segment, their pending
 * pauses (from the status changes of the helpdesk's event export), and the alerts already raised.
 */
@Component
class SlaTickets {

    static final String OPEN_STATUSES = "('new', 'open', 'pending')";
    static final String UNASSIGNED = "unassigned";

    /** An open ticket as the clock needs it; {@code pauses}: its pending intervals, oldest first. */
    record OpenTicket(String ticketId, Instant createdAt, String status, String priority, String channel,
                      String tier, String segment, String team, Instant firstResponseAt, List<Pause> pauses) {
    }

    /** A raised alert that is still open: its ticket has not been answered (first response) or resolved. */
    record OpenAlert(String ticketId, String target, String state, String team, Instant dueAt, String priority,
                     String subject) {
    }

    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;

    SlaTickets(HelpdeskDatabase helpdesk, CrmDatabase crm) {
        this.helpdesk = helpdesk;
        this.crm = crm;
    }

    List<OpenTicket> openTickets() {
        Map<String, List<Object[]>> changes = new HashMap<>();
        helpdesk.jdbc().query("""
                SELECT c.ticket_id, c.changed_at, c.status FROM ticket_status_change c
                JOIN ticket t ON t.ticket_id = c.ticket_id
                WHERE t.status IN %s ORDER BY c.ticket_id, c.changed_at""".formatted(OPEN_STATUSES), rs -> {
            changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Object[] {rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)});
        });
        // with both stores in one database the accounts are joined in; otherwise looked up in the CRM store
        boolean join = sameDatabase();
        List<Object[]> rows = helpdesk.jdbc().query("""
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, %s
                FROM ticket t %s WHERE t.status IN %s""".formatted(join ? "a.tier, a.segment" : "NULL, NULL",
                join ? "LEFT JOIN account a ON a.account_id = t.account_id" : "", OPEN_STATUSES), (rs, n) -> new Object[] {
                rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                rs.getString(10)});
        Map<String, String[]> tierAndSegment = Map.of();
        if (!join) {
            Set<String> accounts = new HashSet<>();
            rows.forEach(r -> {
                if (r[5] != null) {
                    accounts.add((String) r[5]);
                }
            });
            tierAndSegment = accounts(accounts);
        }
        List<OpenTicket> tickets = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String[] account = join ? (r[8] == null && r[9] == null ? null : new String[] {(String) r[8], (String) r[9]})
                    : r[5] == null ? null : tierAndSegment.get(r[5]);
            String team = r[6] == null || ((String) r[6]).isBlank() ? UNASSIGNED : (String) r[6];
            OffsetDateTime firstResponse = (OffsetDateTime) r[7];
            tickets.add(new OpenTicket((String) r[0], (Instant) r[1], (String) r[2], (String) r[3], (String) r[4],
                    account == null ? null : account[0], account == null ? null : account[1], team,
                    firstResponse == null ? null : firstResponse.toInstant(),
                    pauses(changes.getOrDefault((String) r[0], List.of()))));
        }
        return tickets;
    }

    /** Pending intervals from a ticket's status changes in time order: from a change to pending until the next change. */
    static List<Pause> pauses(List<Object[]> changes) {
        List<Pause> pauses = new ArrayList<>();
        Instant pendingSince = null;
        for (Object[] change : changes) {
            Instant at = (Instant) change[0];
            boolean pending = "pending".equals(change[1]);
            if (pending && pendingSince == null) {
                pendingSince = at;
            } else if (!pending && pendingSince != null) {
                pauses.add(new Pause(pendingSince, at));
                pendingSince = null;
            }
        }
        if (pendingSince != null) {
            pauses.add(new Pause(pendingSince, null));
        }
        return pauses;
    }

    /** A monitor cycle's counts, newest first on /sla. */
    record CycleRow(String processInstanceId, OffsetDateTime checkedAt, int openTickets, int withoutPolicy,
                    long newlyAtRisk, long newlyBreached, int teamsWithAlerts, long openAlerts) {
    }

    static final int CYCLES_KEPT = 2000;

    /** Records a cycle's counts and forgets all but the newest {@value #CYCLES_KEPT}. */
    void recordCycle(CycleRow cycle) {
        helpdesk.jdbc().update("""
                INSERT INTO sla_monitor_cycle (process_instance_id, checked_at, open_tickets, without_policy, newly_at_risk,
                                               newly_breached, teams_with_alerts, open_alerts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                cycle.processInstanceId(), cycle.checkedAt(), cycle.openTickets(), cycle.withoutPolicy(), cycle.newlyAtRisk(),
                cycle.newlyBreached(), cycle.teamsWithAlerts(), cycle.openAlerts());
        List<OffsetDateTime> oldest = helpdesk.jdbc().queryForList("SELECT checked_at FROM sla_monitor_cycle ORDER BY checked_at DESC"
                + " OFFSET " + CYCLES_KEPT + " ROWS FETCH FIRST 1 ROWS ONLY", OffsetDateTime.class);
        if (!oldest.isEmpty()) {
            helpdesk.jdbc().update("DELETE FROM sla_monitor_cycle WHERE checked_at <= ?", oldest.get(0));
        }
    }

    List<CycleRow> recentCycles(int count) {
        return helpdesk.jdbc().query("""
                SELECT process_instance_id, checked_at, open_tickets, without_policy, newly_at_risk, newly_breached,
                       teams_with_alerts, open_alerts FROM sla_monitor_cycle ORDER BY checked_at DESC FETCH FIRST %d ROWS ONLY"""
                .formatted(count), (rs, n) -> new CycleRow(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getLong(8)));
    }

    /** Whether the helpdesk and CRM stores live in one database (the embedded default), so SQL can join them. */
    boolean sameDatabase() {
        return helpdesk.dataSource() == crm.dataSource();
    }

    /** Tier and segment of each account, by id (from the CRM store). */
    Map<String, String[]> accounts(Set<String> ids) {
        Map<String, String[]> accounts = new HashMap<>();
        crm.accounts(ids).forEach((id, a) -> accounts.put(id, new String[] {a.tier(), a.segment()}));
        return accounts;
    }

    /** The (ticket, target, state) alerts raised for open tickets. */
    Set<String> raisedKeys() {
        Set<String> keys = new HashSet<>();
        helpdesk.jdbc().query("""
                SELECT a.ticket_id, a.target, a.state FROM sla_alert a JOIN ticket t ON t.ticket_id = a.ticket_id
                WHERE t.status IN %s""".formatted(OPEN_STATUSES), rs -> {
            keys.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return keys;
    }

    static String key(String ticketId, String target, String state) {
        return ticketId + '\u0000' + target + '\u0000' + state;
    }

    void raise(List<Object[]> alerts) {
        helpdesk.jdbc().batchUpdate("INSERT INTO sla_alert (ticket_id, target, state, team, due_at, raised_at) VALUES (?, ?, ?, ?, ?, ?)",
                alerts);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A team's open alerts: how many, how many breached, and the first ones by due time (nearest first). */
    record TeamAlerts(String team, long open, long breached, List<OpenAlert> first) {
    }

    /**
     * The alerts still to act on, per team: per ticket and target its latest state (breached over at risk), the ticket
     * open and, for a first-response alert, not yet answered; a ticket's team is its current assignee group. Counted
     * and ranked in SQL, so a cycle reads at most {@code rows} alerts of a team whatever their number.
     */
    List<TeamAlerts> openAlerts(int rows) {
        Map<String, TeamAlerts> teams = new java.util.TreeMap<>();
        helpdesk.jdbc().query("""
                SELECT ticket_id, target, state, team, due_at, priority, subject, n, total, breached FROM (
                    SELECT a.ticket_id, a.target, a.state, a.team, a.due_at, a.priority, a.subject,
                           ROW_NUMBER() OVER (PARTITION BY a.team ORDER BY a.due_at NULLS LAST, a.ticket_id, a.target) AS n,
                           COUNT(*) OVER (PARTITION BY a.team) AS total,
                           SUM(CASE WHEN a.state = 'BREACHED' THEN 1 ELSE 0 END) OVER (PARTITION BY a.team) AS breached
                    FROM (SELECT s.ticket_id, s.target, s.state, s.due_at, t.priority, t.subject,
                                 CASE WHEN t.assignee_group IS NULL OR t.assignee_group = '' THEN '%s' ELSE t.assignee_group END AS team
                          FROM sla_alert s JOIN ticket t ON t.ticket_id = s.ticket_id
                          WHERE t.status IN %s AND (s.target <> 'first_response' OR t.first_response_at IS NULL)
                            AND NOT (s.state = 'AT_RISK' AND EXISTS (SELECT 1 FROM sla_alert b WHERE b.ticket_id = s.ticket_id
                                     AND b.target = s.target AND b.state = 'BREACHED'))) a) ranked
                WHERE n <= ?""".formatted(UNASSIGNED, OPEN_STATUSES), rs -> {
            OffsetDateTime due = rs.getObject(5, OffsetDateTime.class);
            String team = rs.getString(4);
            TeamAlerts alerts = teams.computeIfAbsent(team, t -> {
                try {
                    return new TeamAlerts(t, rs.getLong(9), rs.getLong(10), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            alerts.first().add(new OpenAlert(rs.getString(1), rs.getString(2), rs.getString(3), team,
                    due == null ? null : due.toInstant(), rs.getString(6), rs.getString(7)));
        }, rows);
        return new ArrayList<>(teams.values());
    }
}
