package com.escalationanalyst.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestDatabases;
import com.escalationanalyst.testsupport.TestStores;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The rollup tables against the tickets they count, after every kind of write the store sees: a first load on the
 * bulk path (indexes dropped and rebuilt, the rollups counted once after it; and one that fails), an import into the filled store (inserts and a MERGE that moves tickets
 * to other days, months, areas and accounts), deletions as the sync makes them, a change of the business zone and a
 * TRUNCATE. The expected rollups are worked out here from the tickets' rows with java.time, not with SQL; the zone
 * (Europe/Berlin) has days of 23 and 25 hours and the tickets crowd around its two changes and month ends.
 */
@IntegrationTest
@TestPropertySource(properties = {"escalation.time-zone=Europe/Berlin", "escalation.import.bulk-load-min-rows=10"})
class TicketRollupsPostgresIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String[] AREAS = {"API", "Billing", null};
    static final String[] ACCOUNTS = {"ACC-1", "ACC-2", "ACC-3", null};
    static final String[] REASONS = {"bug", "config", null};
    static final String[] TEAMS = {"tier2", "billing-ops", null};
    /** Around the spring change (29 March 2026), a month end, and the autumn change (25 October 2026). */
    static final Instant[] WINDOWS = {Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-10-22T00:00:00Z")};

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    HelpdeskDatabase helpdesk;

    Api api;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        assertThat(TestDatabases.postgres()).as("runs in the PostgreSQL suite (mvn verify -Ppostgres)").isTrue();
        api = new Api(port);
        jdbc = TestStores.empty(dataSource);
        helpdesk.rollups().buildFor(BERLIN);
    }

    @Test
    void rollupsCountWhatTicketHoldsAfterEveryKindOfWrite() {
        Random random = new Random(20261201);
        assertThat(helpdesk.rollups().zone()).contains(BERLIN);

        // a first load into the empty store: the bulk path
        Csv first = new Csv(TicketCsvFormat.COLUMNS);
        for (int i = 0; i < 300; i++) {
            ticket(first, "R-" + i, random);
        }
        // a first load that fails half-way (refused by a row trigger of the test): nothing counted, and the rollups'
        // trigger, set aside by the bulk path, is back
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION refuse_r13() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.ticket_id = 'R-13' THEN RAISE EXCEPTION 'R-13 refused by the test trigger'; END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_r13 BEFORE INSERT ON ticket FOR EACH ROW EXECUTE FUNCTION refuse_r13()");
        try {
            HttpResponse<String> failed = api.post("/api/import/tickets", "text/csv",
                    first.text().getBytes(StandardCharsets.UTF_8));
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_r13 ON ticket");
        }
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(tickets), 0) FROM ticket_day_rollup", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(tickets), 0) FROM ticket_month_rollup", Long.class)).isZero();
        assertThat(insertTriggerEnabled()).isTrue();

        imported(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(300);
        assertThat(insertTriggerEnabled()).as("back after the bulk path counted the first load").isTrue();
        assertRollupsMatchTickets(BERLIN);

        // an import into the filled store: 100 new tickets and 120 of the first ones changed (created at another
        // instant, in another area, account, team, escalated or not), which the MERGE moves between keys
        Csv second = new Csv(TicketCsvFormat.COLUMNS);
        for (int i = 300; i < 400; i++) {
            ticket(second, "R-" + i, random);
        }
        for (int i = 0; i < 120; i++) {
            ticket(second, "R-" + (i * 2), random);
        }
        imported(second);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(400);
        assertRollupsMatchTickets(BERLIN);

        // an update that changes nothing the rollups count, and one that does
        jdbc.update("UPDATE ticket SET status = 'open' WHERE ticket_id LIKE 'R-1%'");
        jdbc.update("UPDATE ticket SET handle_time_minutes = NULL WHERE ticket_id LIKE 'R-2%'");
        jdbc.update("UPDATE ticket SET escalated = FALSE, escalated_at = NULL, escalation_reason_code = NULL"
                + " WHERE escalated AND ticket_id LIKE 'R-5%'");
        assertRollupsMatchTickets(BERLIN);

        // deletions, as the sync deletes tickets the helpdesk deleted
        jdbc.update("DELETE FROM resolution WHERE ticket_id LIKE 'R-3%'");
        jdbc.update("DELETE FROM ticket WHERE ticket_id LIKE 'R-3%'");
        assertRollupsMatchTickets(BERLIN);

        // another business zone: days and months begin at other instants, the rollups are built again
        assertThat(helpdesk.rollups().buildFor(ZoneId.of("UTC"))).isTrue();
        assertThat(helpdesk.rollups().buildFor(ZoneId.of("UTC"))).as("already built for UTC").isFalse();
        assertRollupsMatchTickets(ZoneId.of("UTC"));
        // Santiago moved its clocks back at midnight on 5 April 2026 (00:00 became 23:00 of the 4th): PostgreSQL's
        // start of that day and java.time's agree
        assertThat(helpdesk.rollups().buildFor(ZoneId.of("America/Santiago"))).isTrue();
        assertRollupsMatchTickets(ZoneId.of("America/Santiago"));
        assertThat(helpdesk.rollups().buildFor(BERLIN)).isTrue();
        assertRollupsMatchTickets(BERLIN);

        jdbc.execute("TRUNCATE resolution, ticket");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_day_rollup", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_month_rollup", Long.class)).isZero();
    }

    /** Counts of periods with and without partial days, read through the store, against counts made here. */
    @Test
    void ticketCountsOfAnyPeriodAddUpFromRollupsAndEdges() {
        Random random = new Random(7);
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (int i = 0; i < 250; i++) {
            ticket(csv, "C-" + i, random);
        }
        imported(csv);
        List<Instant> created = jdbc.queryForList("SELECT created_at FROM ticket", OffsetDateTime.class).stream()
                .map(OffsetDateTime::toInstant).toList();

        List<Instant[]> periods = new ArrayList<>();
        // whole Berlin days and months, days of 23 and 25 hours, half days, instants inside one day, nothing inside
        periods.add(range(ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, BERLIN)));
        periods.add(range(ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 3, 30, 0, 0, 0, 0, BERLIN)));
        periods.add(range(ZonedDateTime.of(2026, 10, 25, 0, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 10, 26, 0, 0, 0, 0, BERLIN)));
        periods.add(range(ZonedDateTime.of(2026, 3, 27, 13, 30, 0, 0, BERLIN), ZonedDateTime.of(2026, 4, 2, 6, 0, 0, 0, BERLIN)));
        periods.add(range(ZonedDateTime.of(2026, 10, 24, 23, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 10, 26, 0, 30, 0, 0, BERLIN)));
        periods.add(range(ZonedDateTime.of(2026, 3, 28, 1, 0, 0, 0, BERLIN), ZonedDateTime.of(2026, 3, 28, 23, 0, 0, 0, BERLIN)));
        periods.add(new Instant[] {Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")});
        periods.add(new Instant[] {Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z")});
        for (Instant[] period : periods) {
            long expected = created.stream().filter(c -> !c.isBefore(period[0]) && c.isBefore(period[1])).count();
            assertThat(helpdesk.ticketsCreated(period[0], period[1])).as("tickets from %s to %s", period[0], period[1])
                    .isEqualTo(expected);
        }
        assertThat(created.stream().filter(c -> c.isBefore(Instant.parse("2026-04-01T00:00:00Z"))).count())
                .as("the periods above hold tickets").isGreaterThan(50);

        // per day, as the freshness check asks: boundaries on Berlin midnights (read from the day rollup), and the
        // same question with boundaries an hour later (from ticket)
        for (int shift : new int[] {0, 1}) {
            List<Instant> boundaries = new ArrayList<>();
            for (LocalDate day = LocalDate.of(2026, 3, 25); !day.isAfter(LocalDate.of(2026, 4, 3)); day = day.plusDays(1)) {
                boundaries.add(day.atStartOfDay(BERLIN).plusHours(shift).toInstant());
            }
            long[] counts = helpdesk.ticketsCreatedBetween(boundaries);
            for (int i = 0; i < counts.length; i++) {
                Instant from = boundaries.get(i);
                Instant to = boundaries.get(i + 1);
                assertThat(counts[i]).as("day %d (shift %d h)", i, shift)
                        .isEqualTo(created.stream().filter(c -> !c.isBefore(from) && c.isBefore(to)).count());
            }
        }
    }

    /**
     * Two writers of tickets take turns: the second one's statement waits until the first commits (no deadlock over
     * rollup rows both touch), and both end up counted.
     */
    @Test
    void writersOfTicketsTakeTurnsAndBothAreCounted() throws Exception {
        String insert = "INSERT INTO ticket (ticket_id, created_at, status, priority, escalated) VALUES (?, ?, 'open',"
                + " 'normal', FALSE)";
        OffsetDateTime created = OffsetDateTime.parse("2026-03-29T10:00:00Z");
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement statement = first.prepareStatement(insert)) {
                statement.setString(1, "W-1");
                statement.setObject(2, created);
                statement.executeUpdate();
            }
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> jdbc.update(insert, "W-2", created.plusMinutes(5)));
            Thread.sleep(700);
            assertThat(second).as("the second writer waits for the first").isNotDone();
            first.commit();
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertRollupsMatchTickets(BERLIN);
        assertThat(jdbc.queryForObject("SELECT SUM(tickets) FROM ticket_day_rollup", Long.class)).isEqualTo(2);
    }

    /**
     * Counting after a first load gives its aggregates more memory than the session's, for those two statements only:
     * the importing transaction's later statements (index builds, the merge's own) run with the setting they had.
     */
    @Test
    void countingAfterAFirstLoadLeavesTheTransactionsMemorySettingAsItWas() {
        List<String> seen = helpdesk.transactions().execute(tx -> {
            // the store's own template: the statements run in this transaction's connection
            helpdesk.jdbc().execute("SET LOCAL work_mem = '5MB'");
            List<String> during = new ArrayList<>();
            helpdesk.rollups().setAsideFor(() -> helpdesk.jdbc().update("""
                    INSERT INTO ticket (ticket_id, created_at, status, priority, escalated)
                    VALUES ('B-1', TIMESTAMPTZ '2026-03-29T10:00:00Z', 'open', 'normal', FALSE)"""));
            during.add(helpdesk.jdbc().queryForObject("SELECT current_setting('work_mem')", String.class));
            return during;
        });
        assertThat(seen).containsExactly("5MB");
        assertRollupsMatchTickets(BERLIN);
        assertThat(jdbc.queryForObject("SELECT SUM(tickets) FROM ticket_day_rollup", Long.class)).isEqualTo(1);
        assertThat(insertTriggerEnabled()).isTrue();
    }

    boolean insertTriggerEnabled() {
        return "O".equals(jdbc.queryForObject(
                "SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'tr_ticket_rollup_insert'", String.class));
    }

    static Instant[] range(ZonedDateTime from, ZonedDateTime to) {
        return new Instant[] {from.toInstant(), to.toInstant()};
    }

    /** A ticket with random dimensions, created within a few days of one of the windows (a minute's precision). */
    static void ticket(Csv csv, String id, Random random) {
        Instant created = WINDOWS[random.nextInt(WINDOWS.length)].plusSeconds(60L * random.nextInt(10 * 24 * 60));
        boolean escalated = random.nextInt(3) == 0;
        String reason = escalated ? REASONS[random.nextInt(REASONS.length)] : null;
        String escalatedAt = escalated ? created.plusSeconds(60L * random.nextInt(600)).toString() : "";
        String handle = random.nextInt(5) == 0 ? "" : String.valueOf(random.nextInt(300));
        csv.row("ticket_id", id, "created_at", created.toString(), "status", "closed", "priority", "normal",
                "product_area", orEmpty(AREAS[random.nextInt(AREAS.length)]),
                "account_id", orEmpty(ACCOUNTS[random.nextInt(ACCOUNTS.length)]), "subject", "Subject " + id,
                "escalated", String.valueOf(escalated), "escalated_at", escalatedAt, "escalation_reason_code",
                orEmpty(reason), "assignee_group", orEmpty(TEAMS[random.nextInt(TEAMS.length)]),
                "handle_time_minutes", handle);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    void imported(Csv csv) {
        HttpResponse<String> answer = api.post("/api/import/tickets", "text/csv",
                csv.text().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /**
     * Both rollups hold exactly the sums worked out here from {@code ticket} for {@code zone}, and the state names
     * it (rows whose sums are all zero, left by tickets that moved away, are ignored).
     */
    void assertRollupsMatchTickets(ZoneId zone) {
        Map<String, long[]> months = new TreeMap<>();
        Map<String, long[]> days = new TreeMap<>();
        jdbc.query("""
                SELECT created_at, account_id, product_area, escalated, escalation_reason_code, assignee_group,
                       handle_time_minutes, escalated_at FROM ticket""", rs -> {
            ZonedDateTime created = rs.getObject(1, OffsetDateTime.class).toInstant().atZone(zone);
            boolean escalated = rs.getBoolean(4);
            Integer handle = (Integer) rs.getObject(7);
            OffsetDateTime escalatedAt = rs.getObject(8, OffsetDateTime.class);
            String month = created.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant() + "|" + rs.getString(2);
            long[] m = months.computeIfAbsent(month, k -> new long[2]);
            m[0]++;
            m[1] += escalated ? 1 : 0;
            String day = created.toLocalDate().atStartOfDay(zone).toInstant() + "|" + rs.getString(3) + "|" + escalated
                    + "|" + rs.getString(5) + "|" + rs.getString(6);
            long[] d = days.computeIfAbsent(day, k -> new long[5]);
            d[0]++;
            d[1] += handle == null ? 0 : handle;
            d[2] += handle == null ? 0 : 1;
            d[3] += escalatedAt == null ? 0 : escalatedAt.toInstant().toEpochMilli() - created.toInstant().toEpochMilli();
            d[4] += escalatedAt == null ? 0 : 1;
        });
        assertThat(months).as("the tickets hold something to count").isNotEmpty();

        Map<String, long[]> monthRollup = new TreeMap<>();
        jdbc.query("SELECT month_start, account_id, tickets, escalated FROM ticket_month_rollup"
                + " WHERE tickets <> 0 OR escalated <> 0", rs -> {
            monthRollup.put(rs.getObject(1, OffsetDateTime.class).toInstant() + "|" + rs.getString(2),
                    new long[] {rs.getLong(3), rs.getLong(4)});
        });
        Map<String, long[]> dayRollup = new TreeMap<>();
        jdbc.query("""
                SELECT day_start, product_area, escalated, escalation_reason_code, assignee_group, tickets,
                       handle_minutes_sum, handle_minutes_count, escalation_millis_sum, escalation_timed
                FROM ticket_day_rollup
                WHERE tickets <> 0 OR handle_minutes_sum <> 0 OR handle_minutes_count <> 0 OR escalation_millis_sum <> 0
                   OR escalation_timed <> 0""", rs -> {
            dayRollup.put(rs.getObject(1, OffsetDateTime.class).toInstant() + "|" + rs.getString(2) + "|"
                    + rs.getBoolean(3) + "|" + rs.getString(4) + "|" + rs.getString(5), new long[] {rs.getLong(6),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)});
        });
        assertThat(text(monthRollup)).isEqualTo(text(months));
        assertThat(text(dayRollup)).isEqualTo(text(days));
        assertThat(helpdesk.rollups().zone()).contains(zone);
    }

    static Map<String, List<Long>> text(Map<String, long[]> sums) {
        Map<String, List<Long>> text = new TreeMap<>();
        sums.forEach((key, values) -> text.put(key, java.util.Arrays.stream(values).boxed().toList()));
        return text;
    }
}
