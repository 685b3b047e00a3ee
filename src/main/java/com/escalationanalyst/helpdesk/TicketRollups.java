package com.escalationanalyst.helpdesk;

import com.escalationanalyst.store.Dialect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollup tables of the helpdesk store (PostgreSQL only; {@code docs/adr/0021-rollup-tables.md}): tickets counted
 * per day ({@code ticket_day_rollup}) and per month and account ({@code ticket_month_rollup}) of the zone they were
 * built for, kept up to date by statement triggers on {@code ticket} in the writer's own transaction.
 *
 * <p>A reader asks for a {@link Split} of its period: the whole days or months inside it, read from a rollup, and
 * the partial edges, read from {@code ticket} as without rollups. On H2, before the rollups are built, or when no
 * whole unit lies inside the period, there is no split and the reader reads {@code ticket} alone.
 */
public final class TicketRollups {

    private static final Logger log = LoggerFactory.getLogger(TicketRollups.class);

    /** Memory for each of the build's aggregates (PostgreSQL's default is 4 MB). */
    static final String FILL_WORK_MEM = "64MB";

    /** A rollup's unit, its table and the column holding the unit's first instant. */
    public enum Unit {
        DAY("ticket_day_rollup", "day_start"),
        MONTH("ticket_month_rollup", "month_start");

        public final String table;
        public final String start;

        Unit(String table, String start) {
            this.table = table;
            this.start = start;
        }

        /** The start of the unit that holds {@code instant}, in {@code zone}. */
        Instant floor(Instant instant, ZoneId zone) {
            LocalDate day = instant.atZone(zone).toLocalDate();
            return (this == DAY ? day : day.withDayOfMonth(1)).atStartOfDay(zone).toInstant();
        }

        /** The start of the unit after the one that begins at {@code start}. */
        Instant next(Instant start, ZoneId zone) {
            ZonedDateTime at = start.atZone(zone);
            LocalDate day = at.toLocalDate();
            return (this == DAY ? day.plusDays(1) : day.plusMonths(1)).atStartOfDay(zone).toInstant();
        }
    }

    /** {@code [from, to)} as UTC timestamps, the way the stores compare instants. */
    public record Range(Instant from, Instant to) {
        public OffsetDateTime fromUtc() {
            return from.atOffset(ZoneOffset.UTC);
        }

        public OffsetDateTime toUtc() {
            return to.atOffset(ZoneOffset.UTC);
        }
    }

    /** A period read as {@code whole} units from a rollup plus {@code edges} (zero to two) from {@code ticket}. */
    public record Split(Range whole, List<Range> edges) {
    }

    private final HelpdeskDatabase helpdesk;

    TicketRollups(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    /** The zone the rollups were built for; empty on H2 or while they are not built. */
    public Optional<ZoneId> zone() {
        if (helpdesk.dialect() != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        String zone = helpdesk.jdbc().queryForObject("SELECT zone FROM ticket_rollup_state", String.class);
        return Optional.ofNullable(zone).map(ZoneId::of);
    }

    /** How {@code [from, to)} is read with the rollup of {@code unit}; empty: from {@code ticket} alone. */
    Optional<Split> split(Unit unit, Instant from, Instant to) {
        return zone().flatMap(zone -> split(unit, from, to, zone));
    }

    /**
     * A figure of {@code [from, to)}: {@code fromRollup} over its whole units and {@code fromTickets} over its edges,
     * added up; {@code fromTickets} over all of it when there is no split.
     */
    public <T> T read(Unit unit, Instant from, Instant to, Function<Range, T> fromRollup, Function<Range, T> fromTickets,
                      BinaryOperator<T> add) {
        Optional<Split> split = split(unit, from, to);
        if (split.isEmpty()) {
            return fromTickets.apply(new Range(from, to));
        }
        T figure = fromRollup.apply(split.get().whole());
        for (Range edge : split.get().edges()) {
            figure = add.apply(figure, fromTickets.apply(edge));
        }
        return figure;
    }

    /**
     * For {@link #read} of figures kept per key: adds the second part's entries into the first, a key in both
     * summed with {@code sum}.
     */
    public static <K, V> BinaryOperator<Map<K, V>> byKey(BinaryOperator<V> sum) {
        return (figure, part) -> {
            part.forEach((key, value) -> figure.merge(key, value, sum));
            return figure;
        };
    }

    /** The split in a given rollup zone (the whole units are those of that zone, whatever the period's zone). */
    static Optional<Split> split(Unit unit, Instant from, Instant to, ZoneId zone) {
        Instant first = unit.floor(from, zone);
        if (first.isBefore(from)) {
            first = unit.next(first, zone);
        }
        Instant end = unit.floor(to, zone);
        if (!first.isBefore(end)) {
            return Optional.empty();
        }
        List<Range> edges = new ArrayList<>(2);
        if (from.isBefore(first)) {
            edges.add(new Range(from, first));
        }
        if (end.isBefore(to)) {
            edges.add(new Range(end, to));
        }
        return Optional.of(new Split(new Range(first, end), List.copyOf(edges)));
    }

    /** Whether {@code instant} starts a unit in the rollup zone. */
    static boolean startsUnit(Unit unit, Instant instant, ZoneId zone) {
        return unit.floor(instant, zone).equals(instant);
    }

    /**
     * Builds the rollups from {@code ticket} for {@code zone} unless they already hold it: at the first start on
     * PostgreSQL and after {@code escalation.time-zone} changes (days and months begin at other instants). The state
     * row stays locked until the build commits, as every writer of tickets locks it (the triggers): a writer waits
     * for the build instead of adding its rows to rollups that are being replaced. Returns whether it built.
     */
    public boolean buildFor(ZoneId zone) {
        if (helpdesk.dialect() != Dialect.POSTGRESQL) {
            return false;
        }
        Boolean built = helpdesk.transactions().execute(tx -> {
            String current = helpdesk.jdbc().queryForObject("SELECT zone FROM ticket_rollup_state FOR UPDATE",
                    String.class);
            if (zone.getId().equals(current)) {
                return false;
            }
            long started = System.nanoTime();
            fill(zone);
            helpdesk.jdbc().update("UPDATE ticket_rollup_state SET zone = ?, built_at = ?", zone.getId(),
                    OffsetDateTime.now(ZoneOffset.UTC));
            log.info("Ticket rollups built for {} (was {}) in {} ms", zone, current == null ? "not built" : current,
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(built);
    }

    /**
     * Runs a first load into the empty {@code ticket} table (the import's bulk path, which holds the table locked)
     * with the insert trigger set aside, then counts the loaded tickets into the rollups at once: one aggregate over
     * the table instead of one upsert per key and statement. The trigger comes back before the transaction ends, and
     * with it if the load fails.
     */
    public void setAsideFor(Runnable load) {
        Optional<ZoneId> zone = zone();
        if (zone.isEmpty()) {
            load.run();
            return;
        }
        helpdesk.jdbc().queryForObject("SELECT zone FROM ticket_rollup_state FOR UPDATE", String.class);
        helpdesk.jdbc().execute("ALTER TABLE ticket DISABLE TRIGGER tr_ticket_rollup_insert");
        load.run();
        helpdesk.jdbc().execute("ALTER TABLE ticket ENABLE TRIGGER tr_ticket_rollup_insert");
        long started = System.nanoTime();
        fill(zone.get());
        log.info("Ticket rollups counted after a first load in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Replaces the rollups' rows with the tickets' counts for {@code zone}. The month rollup (up to one row per
     * account and month) is written without its key, which is built again once afterwards from the definition the
     * catalog holds: one sort instead of an index entry per row (at 2,000,000 tickets about 4 s instead of 7).
     */
    private void fill(ZoneId zone) {
        // the aggregates' hash tables and sorts in memory rather than in temporary files (4 MB by default), for the
        // rest of this transaction's statements as they were
        String workMem = helpdesk.jdbc().queryForObject("SELECT current_setting('work_mem')", String.class);
        helpdesk.jdbc().queryForObject("SELECT set_config('work_mem', ?, true)", String.class, FILL_WORK_MEM);
        helpdesk.jdbc().execute("TRUNCATE ticket_month_rollup, ticket_day_rollup");
        String key = helpdesk.jdbc().queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conname = 'uq_ticket_month_rollup' AND conrelid = 'ticket_month_rollup'::regclass", String.class);
        helpdesk.jdbc().execute("ALTER TABLE ticket_month_rollup DROP CONSTRAINT uq_ticket_month_rollup");
        helpdesk.jdbc().update("""
                INSERT INTO ticket_month_rollup (month_start, account_id, tickets, escalated)
                SELECT date_trunc('month', t.created_at, ?), t.account_id, COUNT(*), COUNT(*) FILTER (WHERE t.escalated)
                FROM ticket t GROUP BY 1, 2""", zone.getId());
        helpdesk.jdbc().execute("ALTER TABLE ticket_month_rollup ADD CONSTRAINT uq_ticket_month_rollup " + key);
        helpdesk.jdbc().update("""
                INSERT INTO ticket_day_rollup (day_start, product_area, escalated, escalation_reason_code,
                                               assignee_group, tickets, handle_minutes_sum, handle_minutes_count,
                                               escalation_millis_sum, escalation_timed)
                SELECT date_trunc('day', t.created_at, ?), t.product_area, t.escalated, t.escalation_reason_code,
                       t.assignee_group, COUNT(*), COALESCE(SUM(t.handle_time_minutes), 0),
                       COUNT(t.handle_time_minutes), COALESCE(SUM(%s), 0), COUNT(t.escalated_at)
                FROM ticket t GROUP BY 1, 2, 3, 4, 5""".formatted(
                helpdesk.dialect().millisBetween("t.created_at", "t.escalated_at")), zone.getId());
        helpdesk.jdbc().queryForObject("SELECT set_config('work_mem', ?, true)", String.class, workMem);
    }
}
