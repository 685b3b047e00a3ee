package com.escalationanalyst.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.analysis.patterns.NoteEmbeddingBackfill;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketsChanged;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestDatabases;
import java.io.BufferedWriter;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark (profile {@code bench}, PostgreSQL, {@code -Xmx1g}): for each size in {@code bench.sizes}
 * (default 200,000 and 2,000,000 tickets over twelve months, ~8% escalated, 50,000 accounts) it generates
 * the data in SQL, runs every operation once to warm up and once measured through the HTTP API, measures
 * the floor (one hand-written SQL statement giving the same numbers; {@code psql \copy} for the import) and
 * prints operation, application ms, floor ms, ratio, time outside SQL and peak heap; also as CSV in
 * {@code target/benchmark.csv}. Not part of {@code mvn verify}.
 */
@IntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=false", "escalation.python-warmup=true"})
class PerformanceBenchmark {

    static final String[] AREAS = {"Notifications", "Billing", "Reporting", "API", "Login", "Integrations", "Mobile", "Admin"};
    /** A ticket's subject and notes are filled from this hash of its id (non-negative). */
    static final String TEXT_HASH = "(hashtext('s' || %s)::bigint & 2147483647)";

    /** liveHeapMb: the most heap in use after any collection during the operation; usedHeapMb counts garbage too. */
    record Row(int tickets, String operation, long appMillis, long floorMillis, long limitMillis, String appRuns,
               double liveHeapMb, double usedHeapMb) {
        double ratio() {
            return floorMillis == 0 ? 0 : (double) appMillis / floorMillis;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    HelpdeskDatabase helpdesk;
    @Autowired
    NoteEmbeddingBackfill backfill;
    @Autowired
    ApplicationEventPublisher events;

    final List<Row> rows = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        assertThat(TestDatabases.postgres()).as("the benchmark runs on PostgreSQL (mvn -Pbench verify)").isTrue();
        for (String size : System.getProperty("bench.sizes", "200000,2000000").split(",")) {
            run(Integer.parseInt(size.trim()));
        }
        print();
    }

    void run(int n) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long started = System.nanoTime();
        if (System.getProperty("test.postgres.database", "").isBlank()
                || jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class) != n) {
            generate(jdbc, n);
            System.out.printf(Locale.ROOT, "Generated %,d tickets in %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
        } else {
            System.out.printf(Locale.ROOT, "Reusing the %,d tickets of database %s%n", n,
                    System.getProperty("test.postgres.database"));
        }
        // the texts matching embeds (subject, line break, notes) of the escalated tickets of the measured periods
        for (String[] period : new String[][] {{"last month", "date_trunc('month', now()) - interval '1 month'",
                "date_trunc('month', now())"}, {"last quarter", "date_trunc('quarter', now()) - interval '3 months'",
                "date_trunc('quarter', now())"}}) {
            Map<String, Object> texts = jdbc.queryForMap("""
                    SELECT COUNT(*) AS escalated, COUNT(DISTINCT t.subject || E'\\n' || COALESCE(r.resolution_notes, '')) AS distinct_texts
                    FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id
                    WHERE t.escalated AND t.created_at >= %s AND t.created_at < %s""".formatted(period[1], period[2]));
            System.out.printf(Locale.ROOT, "%s: %,d escalated tickets, %,d distinct texts%n", period[0],
                    texts.get("escalated"), texts.get("distinct_texts"));
        }
        if (selected("embeddings")) {
            // what an import or a sync sets off: every escalated ticket's text embedded in the background and stored
            SentenceEmbeddings.shared().forgetRecent();
            long inferences = SentenceEmbeddings.shared().inferences();
            HeapWatch heap = HeapWatch.start();
            long millis = time(() -> {
                events.publishEvent(TicketsChanged.any(n, 0));
                assertThat(backfill.awaitIdle(Duration.ofHours(2))).isTrue();
                return null;
            });
            heap.stop();
            long computed = SentenceEmbeddings.shared().inferences() - inferences;
            long decided = jdbc.queryForObject("SELECT COUNT(*) FROM note_match", Long.class);
            rows.add(new Row(n, String.format(Locale.ROOT, "embeddings (%,d texts, %.0f/s) and %,d decisions", computed,
                    computed * 1000.0 / Math.max(1, millis), decided), millis, 0, 0, String.valueOf(millis), heap.liveMb(),
                    heap.usedMb()));
            SentenceEmbeddings.shared().forgetRecent();
        }
        Api api = new Api(port);
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

        measure(n, "patterns, last month", () -> post(api, "/api/analyses/escalation-patterns", "{\"period\":\"last month\"}"),
                () -> patternsFloor(jdbc, "date_trunc('month', now()) - interval '1 month'", "date_trunc('month', now())"),
                PerformanceBenchmark::analysisLimit);
        measure(n, "patterns, last quarter", () -> post(api, "/api/analyses/escalation-patterns", "{\"period\":\"last quarter\"}"),
                () -> patternsFloor(jdbc, "date_trunc('quarter', now()) - interval '3 months'", "date_trunc('quarter', now())"),
                PerformanceBenchmark::analysisLimit);
        measure(n, "segments by segment", () -> post(api, "/api/analyses/segment-rates", "{\"period\":\"last quarter\",\"dimension\":\"segment\"}"),
                () -> segmentsFloor(jdbc, "segment"), PerformanceBenchmark::analysisLimit);
        measure(n, "segments by tier", () -> post(api, "/api/analyses/segment-rates", "{\"period\":\"last quarter\",\"dimension\":\"tier\"}"),
                () -> segmentsFloor(jdbc, "tier"), PerformanceBenchmark::analysisLimit);
        measure(n, "monthly report (not sent)", () -> post(api, "/api/reports/monthly",
                        "{\"month\":\"" + lastMonth + "\",\"send\":false}"),
                () -> reportFloor(helpdesk, lastMonth), PerformanceBenchmark::reportLimit);
        if (selected("SLA monitor")) {
            // 50,000 open tickets: the newest, every fifth pending since an hour after it was created, half unanswered
            jdbc.update("""
                    UPDATE ticket SET status = CASE WHEN abs(hashtext('s' || ticket_id)) % 5 = 0 THEN 'pending' ELSE 'open' END,
                           first_response_at = CASE WHEN abs(hashtext('f' || ticket_id)) % 2 = 0 THEN NULL ELSE first_response_at END
                    WHERE ticket_id IN (SELECT ticket_id FROM ticket ORDER BY created_at DESC LIMIT 50000)""");
            jdbc.update("""
                    INSERT INTO ticket_status_change (ticket_id, changed_at, status)
                    SELECT ticket_id, created_at + interval '1 hour', 'pending' FROM ticket WHERE status = 'pending'""");
            jdbc.execute("ANALYZE ticket");
            measure(n, "SLA monitor cycle (50,000 open)", () -> post(api,
                    "/engine-rest/process-definition/key/SlaMonitorProcess/start", "{}"), () -> slaMonitorFloor(helpdesk),
                    PerformanceBenchmark::analysisLimit);
            System.out.printf(Locale.ROOT, "SLA alerts raised: %,d%n", jdbc.queryForObject("SELECT COUNT(*) FROM sla_alert", Long.class));
            jdbc.update("DELETE FROM sla_alert");
            jdbc.update("DELETE FROM ticket_status_change");
            jdbc.update("UPDATE ticket SET status = 'closed', first_response_at = created_at + interval '30 minutes' "
                    + "WHERE status <> 'closed'");
        }
        // the tickets behind a number: the first page of last quarter's product-bug escalations (target: well under a
        // second), and every ticket of last quarter as CSV (streamed: the heap must not grow with it)
        measure(n, "drill-down, first page", () -> {
            HttpResponse<String> page = api.get("/api/tickets?period=last%20quarter&rootCause=product_bug");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            return page;
        }, () -> drillDownFloor(jdbc), floor -> 1000);
        if (selected("drill-down, CSV")) {
            long[] bytes = new long[1];
            HeapWatch heap = HeapWatch.start();
            long millis = time(() -> bytes[0] = api.download("/api/tickets.csv?period=last%20quarter"));
            heap.stop();
            long tickets = jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE created_at >= date_trunc('quarter', now())"
                    + " - interval '3 months' AND created_at < date_trunc('quarter', now())", Long.class);
            rows.add(new Row(n, String.format(Locale.ROOT, "drill-down, CSV of last quarter (%,d tickets, %,d MB)", tickets,
                    bytes[0] / 1_000_000), millis, 0, 0, String.valueOf(millis), heap.liveMb(), heap.usedMb()));
        }

        if (!selected("CSV import")) {
            return;
        }
        Path csv = Files.createTempFile("bench-tickets", ".csv");
        exportCsv(csv, "t.ticket_id", "TRUE");
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        // two floors: the file into a bare unlogged table, and into a table indexed and logged like the store
        jdbc.execute("DROP TABLE IF EXISTS bench_copy");
        jdbc.execute("CREATE UNLOGGED TABLE bench_copy (ticket_id VARCHAR(64), created_at TIMESTAMPTZ, status VARCHAR(16),"
                + " priority VARCHAR(16), channel VARCHAR(64), product_area VARCHAR(128), account_id VARCHAR(64),"
                + " subject VARCHAR(1000), escalated BOOLEAN, escalated_at TIMESTAMPTZ, escalation_reason_code VARCHAR(64),"
                + " assignee_group VARCHAR(128), first_response_at TIMESTAMPTZ, handle_time_minutes INTEGER,"
                + " resolution_type VARCHAR(32), resolved_at TIMESTAMPTZ, resolution_notes VARCHAR(20000))");
        long bareFloor = time(() -> psqlCopy(database, "bench_copy", csv));
        System.out.printf(Locale.ROOT, "CSV import floor at %,d tickets, \\copy into a bare table: %d ms%n", n, bareFloor);
        jdbc.execute("DROP TABLE bench_copy");
        jdbc.execute("CREATE TABLE bench_copy_indexed (LIKE ticket INCLUDING ALL, resolution_type VARCHAR(32),"
                + " resolved_at TIMESTAMPTZ, resolution_notes VARCHAR(20000))");
        long indexedFloor = time(() -> psqlCopy(database, "bench_copy_indexed", csv));
        System.out.printf(Locale.ROOT, "CSV import floor at %,d tickets, \\copy into an indexed table: %d ms%n", n,
                indexedFloor);
        // a first load: empty tables (TRUNCATE, as DELETE would leave two million dead index entries behind); once
        // with the import code not yet compiled by the JIT (printed), then measured
        Callable<Object> firstLoad = () -> {
            jdbc.execute("TRUNCATE resolution, ticket");
            HttpResponse<String> answer = api.postFile("/api/import/tickets", "text/csv", csv);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer;
        };
        // the work an import sets off in the background (embedding the escalated tickets' texts) is measured on its
        // own above; each import is timed with none of it from the import before running beside it
        // -Dbench.import.warmup=false: no first, unmeasured load (at 20,000,000 tickets it and the embedding job's pass
        // over the loaded texts after it take most of an hour; the JIT's share of such a load is small)
        boolean warmUp = Boolean.parseBoolean(System.getProperty("bench.import.warmup", "true"));
        awaitBackgroundWork();
        String runs = "";
        if (warmUp) {
            long cold = time(firstLoad);
            System.out.printf(Locale.ROOT, "CSV import at %,d tickets, first load not measured: %d ms%n", n, cold);
            runs = "first " + cold + ", then ";
            awaitBackgroundWork();
        }
        HeapWatch heap = HeapWatch.start();
        long app = time(firstLoad);
        heap.stop();
        System.out.printf(Locale.ROOT, "CSV import at %,d tickets, first load measured: %d ms%n", n, app);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(n);
        String name = "CSV import (" + Files.size(csv) / 1_000_000 + " MB)";
        // target: at least 70 % of the indexed copy's throughput, i.e. at most floor / 0.7; the bare copy is for reference
        runs += app;
        rows.add(new Row(n, name + " vs indexed", app, indexedFloor, Math.round(indexedFloor / 0.7), runs,
                heap.liveMb(), heap.usedMb()));
        rows.add(new Row(n, name + " vs bare", app, bareFloor, 0, runs, heap.liveMb(), heap.usedMb()));
        Files.delete(csv);

        // an import into the filled store (the ordinary path: MERGE into indexed tables with their keys): a tenth
        // as many new tickets, against \copy of the same file into the indexed copy table that holds the n rows
        Path more = Files.createTempFile("bench-more-tickets", ".csv");
        exportCsv(more, "'N' || t.ticket_id", "abs(hashtext(t.ticket_id)) % 10 = 0");
        long added = lines(more) - 1L;
        long moreFloor = time(() -> psqlCopy(database, "bench_copy_indexed", more));
        System.out.printf(Locale.ROOT, "CSV import floor, %,d more into the indexed table: %d ms%n", added, moreFloor);
        jdbc.execute("DROP TABLE bench_copy_indexed");
        awaitBackgroundWork();
        HeapWatch moreHeap = HeapWatch.start();
        long moreApp = time(() -> {
            HttpResponse<String> answer = api.postFile("/api/import/tickets", "text/csv", more);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(Api.json(answer).get("inserted").asLong()).isEqualTo(added);
            return answer;
        });
        moreHeap.stop();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(n + added);
        rows.add(new Row(n, String.format(Locale.ROOT, "CSV import, %,d more into the filled store", added), moreApp,
                moreFloor, Math.round(moreFloor / 0.7), String.valueOf(moreApp), moreHeap.liveMb(), moreHeap.usedMb()));
        Files.delete(more);
    }

    void awaitBackgroundWork() throws Exception {
        assertThat(backfill.awaitIdle(Duration.ofHours(2))).isTrue();
    }

    /** Operations whose name contains {@code -Dbench.only=...} or one of its comma-separated parts (all by default). */
    static boolean selected(String operation) {
        for (String part : System.getProperty("bench.only", "").split(",", -1)) {
            if (operation.contains(part.trim())) {
                return true;
            }
        }
        return false;
    }

    /** Warm-up runs of each analysis before it is measured (JIT, caches), and measured runs (their median counts). */
    static final int WARM_UPS = Integer.getInteger("bench.warmups", 20);
    static final int RUNS = Integer.getInteger("bench.runs", 5);

    /**
     * The median of {@link #RUNS} runs after {@link #WARM_UPS}, the application's run and its floor taking turns
     * so that both see the same machine; the heap figures are those of the last run. {@code limit}: the target
     * for a floor.
     */
    void measure(int n, String operation, Callable<?> app, Callable<?> floor, LongUnaryOperator limit) throws Exception {
        if (!selected(operation)) {
            return;
        }
        long first = -1;
        for (int i = 0; i < WARM_UPS; i++) {
            long took = time(app);
            first = i == 0 ? took : first;
            floor.call();
        }
        long[] apps = new long[RUNS];
        long[] floors = new long[RUNS];
        HeapWatch heap = null;
        for (int i = 0; i < RUNS; i++) {
            floors[i] = time(floor);
            // the heap of one run, the last (HeapWatch collects fully before and after it)
            heap = i == RUNS - 1 ? HeapWatch.start() : null;
            apps[i] = time(app);
        }
        heap.stop();
        long floorMillis = median(floors);
        // the first run (nothing in memory yet, after the background work) is printed too
        String runs = (first < 0 ? "" : "first " + first + "; ")
                + Arrays.stream(apps).mapToObj(Long::toString).collect(Collectors.joining(" "));
        rows.add(new Row(n, operation, median(apps), floorMillis, limit.applyAsLong(floorMillis), runs,
                heap.liveMb(), heap.usedMb()));
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Analyses: at most 1.5 × floor + 150 ms. */
    static long analysisLimit(long floor) {
        return Math.round(1.5 * floor + 150);
    }

    /** The monthly report: at most 2 × floor + 500 ms. */
    static long reportLimit(long floor) {
        return 2 * floor + 500;
    }

    static long time(Callable<?> work) throws Exception {
        long started = System.nanoTime();
        work.call();
        return (System.nanoTime() - started) / 1_000_000;
    }

    static Object post(Api api, String path, String body) {
        HttpResponse<String> answer = api.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        return answer;
    }

    // ---- floors: one statement each ----

    /** The drill-down's first page: its count and its 50 newest rows, as two plain statements. */
    static Object drillDownFloor(JdbcTemplate jdbc) {
        String where = " WHERE t.escalated AND t.created_at >= date_trunc('quarter', now()) - interval '3 months'"
                + " AND t.created_at < date_trunc('quarter', now()) AND t.escalation_reason_code IN ("
                + String.join(", ", ReasonCodeMap.seed().codesOf(RootCause.PRODUCT_BUG).stream()
                .map(c -> "'" + c + "'").toList()) + ")";
        jdbc.queryForObject("SELECT COUNT(*) FROM ticket t" + where, Long.class);
        return jdbc.queryForList("SELECT t.*, r.resolution_type, r.resolved_at FROM ticket t LEFT JOIN resolution r"
                + " ON r.ticket_id = t.ticket_id" + where + " ORDER BY t.created_at DESC, t.ticket_id DESC LIMIT 50");
    }

    static String rootCauseValues() {
        StringJoiner values = new StringJoiner(", ");
        ReasonCodeMap.seed().codes().forEach((code, cause) -> values.add("('" + code + "', '" + cause.code() + "')"));
        return values.toString();
    }

    static Object patternsFloor(JdbcTemplate jdbc, String from, String to) {
        return jdbc.queryForList("""
                WITH e AS (
                    SELECT COALESCE(m.cause, 'unclassified') AS cause, t.product_area,
                           EXTRACT(EPOCH FROM (SELECT r.resolved_at FROM resolution r WHERE r.ticket_id = t.ticket_id)
                                   - t.created_at) / 3600 AS hours
                    FROM ticket t
                    LEFT JOIN (VALUES %s) m(code, cause) ON m.code = t.escalation_reason_code
                    WHERE t.escalated AND t.created_at >= %s AND t.created_at < %s),
                areas AS (SELECT cause, product_area, COUNT(*) AS n,
                                 ROW_NUMBER() OVER (PARTITION BY cause ORDER BY COUNT(*) DESC, product_area) AS rank
                          FROM e GROUP BY cause, product_area)
                SELECT e.cause, COUNT(*), COUNT(*) * 100.0 / SUM(COUNT(*)) OVER (), AVG(e.hours), MAX(a.product_area),
                       (SELECT COUNT(*) FROM ticket t WHERE t.created_at >= %s AND t.created_at < %s)
                FROM e JOIN areas a ON a.cause = e.cause AND a.rank = 1
                GROUP BY e.cause ORDER BY 2 DESC""".formatted(rootCauseValues(), from, to, from, to));
    }

    static Object segmentsFloor(JdbcTemplate jdbc, String column) {
        return jdbc.queryForList("""
                SELECT COALESCE(a.%s, 'unknown'), COUNT(*), COUNT(*) FILTER (WHERE t.escalated)
                FROM ticket t LEFT JOIN account a ON a.account_id = t.account_id
                WHERE t.created_at >= date_trunc('quarter', now()) - interval '3 months'
                  AND t.created_at < date_trunc('quarter', now())
                GROUP BY 1""".formatted(column));
    }

    /** What one SLA monitor cycle must read: the open tickets, their status changes, accounts and raised alerts. */
    static Object slaMonitorFloor(HelpdeskDatabase helpdesk) {
        drain(helpdesk, """
                SELECT c.ticket_id, c.changed_at, c.status FROM ticket_status_change c JOIN ticket t ON t.ticket_id = c.ticket_id
                WHERE t.status IN ('new', 'open', 'pending')""");
        drain(helpdesk, """
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, t.subject, a.tier, a.segment
                FROM ticket t LEFT JOIN account a ON a.account_id = t.account_id WHERE t.status IN ('new', 'open', 'pending')""");
        return drain(helpdesk, """
                SELECT a.ticket_id, a.target, a.state, a.due_at FROM sla_alert a JOIN ticket t ON t.ticket_id = a.ticket_id
                WHERE t.status IN ('new', 'open', 'pending')""");
    }

    /**
     * The report's aggregates over eight months, its freshness check's tickets per day over four, and the SLA
     * attainment's ticket rows of two months.
     */
    static Object reportFloor(HelpdeskDatabase helpdesk, YearMonth month) {
        JdbcTemplate jdbc = helpdesk.jdbc();
        drain(helpdesk, """
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, t.escalated, t.escalated_at, r.resolved_at
                FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id
                WHERE t.created_at >= ?::timestamptz AND t.created_at < ?::timestamptz""",
                month.minusMonths(1).atDay(1).toString() + "T00:00:00Z", month.plusMonths(1).atDay(1).toString() + "T00:00:00Z");
        jdbc.queryForList("""
                SELECT date_trunc('day', t.created_at AT TIME ZONE 'UTC') AS d, COUNT(*) FROM ticket t
                WHERE t.created_at >= ?::timestamptz AND t.created_at < ?::timestamptz
                GROUP BY 1""", month.minusMonths(3).atDay(1).toString() + "T00:00:00Z",
                month.plusMonths(1).atDay(1).toString() + "T00:00:00Z");
        return jdbc.queryForList("""
                SELECT date_trunc('month', t.created_at AT TIME ZONE 'UTC') AS m, COALESCE(c.cause, 'unclassified'),
                       COUNT(*), COUNT(*) FILTER (WHERE t.escalated), SUM(t.handle_time_minutes) FILTER (WHERE t.escalated),
                       COUNT(t.handle_time_minutes) FILTER (WHERE t.escalated)
                FROM ticket t LEFT JOIN (VALUES %s) c(code, cause) ON c.code = t.escalation_reason_code
                WHERE t.created_at >= ?::timestamptz AND t.created_at < ?::timestamptz
                GROUP BY 1, 2""".formatted(rootCauseValues()),
                month.minusMonths(7).atDay(1).toString() + "T00:00:00Z", month.plusMonths(1).atDay(1).toString() + "T00:00:00Z");
    }

    /**
     * Reads every row of a query and keeps none (a cursor in a transaction, as the application streams): a floor
     * that reads millions of rows must not hold them in the benchmark's heap. Returns the number of rows.
     */
    static long drain(HelpdeskDatabase helpdesk, String sql, Object... arguments) {
        long[] rows = new long[1];
        helpdesk.stream(sql, rs -> {
            int columns = rs.getMetaData().getColumnCount();
            for (int c = 1; c <= columns; c++) {
                rs.getObject(c);
            }
            rows[0]++;
        }, arguments);
        return rows[0];
    }

    /** Lines of a file (a CSV of millions of rows is not read into memory to count them). */
    static long lines(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file)) {
            return reader.lines().count();
        }
    }

    static Object psqlCopy(String database, String table, Path csv) throws Exception {
        Process psql = new ProcessBuilder("psql", "-h", TestDatabases.POSTGRES_HOST.split(":")[0], "-p",
                TestDatabases.POSTGRES_HOST.split(":")[1], "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy " + table + " FROM '" + csv + "' WITH (FORMAT csv, HEADER true)").redirectErrorStream(true).start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor()).as(out).isZero();
        return out;
    }

    // ---- data ----

    void generate(JdbcTemplate jdbc, int n) {
        jdbc.update("DELETE FROM monthly_report_delivery");
        jdbc.update("DELETE FROM monthly_report");
        jdbc.update("TRUNCATE resolution, ticket, account, note_embedding, note_match");
        StringJoiner codes = new StringJoiner(",", "ARRAY[", "]");
        ReasonCodeMap.seed().codes().keySet().forEach(c -> codes.add("'" + c + "'"));
        jdbc.update("""
                INSERT INTO account (account_id, name, segment, tier, region, industry, arr)
                SELECT 'ACC-' || i, 'Account ' || i, (ARRAY['Enterprise','Mid-Market','SMB'])[1 + i %% 3],
                       (ARRAY['Gold','Silver','Bronze'])[1 + (i / 3) %% 3], (ARRAY['AMER','EMEA','APAC'])[1 + (i / 9) %% 3],
                       'Software', (i %% 1000) * 1000
                FROM generate_series(1, 50000) i""".formatted());
        // ~8 % escalated (more in the Enterprise third of accounts), timestamps spread over the last 365 days
        jdbc.update("""
                INSERT INTO ticket (ticket_id, created_at, status, priority, channel, product_area, account_id, subject,
                                    escalated, escalated_at, escalation_reason_code, assignee_group, first_response_at,
                                    handle_time_minutes)
                SELECT 'B-' || i, created, 'closed', (ARRAY['low','normal','high','urgent'])[1 + h %% 4], 'email',
                       (ARRAY['%s'])[1 + (h / 7) %% 8], 'ACC-' || (1 + i %% 50000), %s,
                       esc, CASE WHEN esc THEN created + interval '2 hours' END,
                       CASE WHEN esc AND h %% 17 <> 0 THEN (%s)[1 + (h / 11) %% 16] END, 'support',
                       created + interval '30 minutes', 10 + h %% 120
                FROM (SELECT i, now() - (i::float8 / %d) * interval '365 days' AS created,
                             abs(hashtext('t' || i)) AS h,
                             abs(hashtext('e' || i)) %% 1000 < CASE WHEN i %% 3 = 0 THEN 110 ELSE 65 END AS esc
                      FROM generate_series(1, %d) i) g""".formatted(String.join("','", AREAS),
                BenchTexts.subjectSql(TEXT_HASH.formatted("'B-' || i")), codes, n, n));
        jdbc.update("""
                INSERT INTO resolution (ticket_id, resolution_type, resolved_at, resolution_notes)
                SELECT ticket_id, 'fixed', created_at + interval '26 hours', CASE WHEN escalated THEN %s END
                FROM ticket WHERE abs(hashtext('r' || ticket_id)) %% 10 < 7""".formatted(
                BenchTexts.notesSql(TEXT_HASH.formatted("ticket_id"))));
        // the tables as autovacuum leaves them (statistics, visibility map), not in the middle of its first pass over
        // two million new rows: left to itself it starts at an unknown moment during the measurements
        jdbc.execute("VACUUM ANALYZE ticket");
        jdbc.execute("VACUUM ANALYZE resolution");
        jdbc.execute("VACUUM ANALYZE account");
    }

    /** The stored tickets that {@code where} selects as an import file, their ids written as {@code id}. */
    void exportCsv(Path csv, String id, String where) throws Exception {
        try (Connection connection = helpdesk.dataSource().getConnection(); OutputStream out = Files.newOutputStream(csv)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT %s AS ticket_id, %s, t.status, t.priority, t.channel, t.product_area, t.account_id,
                                 t.subject, t.escalated::text, %s, t.escalation_reason_code, t.assignee_group,
                                 %s, t.handle_time_minutes, r.resolution_type, %s, r.resolution_notes
                          FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id
                          WHERE %s)
                    TO STDOUT WITH (FORMAT csv, HEADER true)""".formatted(id, iso("t.created_at"), iso("t.escalated_at"),
                    iso("t.first_response_at"), iso("r.resolved_at"), where), out);
        }
        try (var reader = Files.newBufferedReader(csv)) {
            assertThat(reader.readLine()).isEqualTo(String.join(",", TicketCsvFormat.COLUMNS));
        }
    }

    /** An instant as the CSV import reads it (ISO-8601 in UTC), named like the column. */
    static String iso(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS "
                + column.substring(column.indexOf('.') + 1);
    }

    // ---- heap ----

    /**
     * Heap during one operation. Live: the largest heap in use right after a collection (what the operation
     * keeps; G1 lets garbage pile up to the young generation's size before collecting), from the collectors'
     * notifications, including the full collection just before it and the one just after it. Used: the sum of the heap pools' peaks, an upper
     * bound that counts garbage.
     */
    static final class HeapWatch {
        private final AtomicLong liveAfterGc = new AtomicLong();
        private final List<Runnable> detach = new ArrayList<>();
        private long used;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            // the notification lists every memory pool, metaspace and code cache included: keep the heap's
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) collector;
                NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        watch.liveAfterGc.accumulateAndGet(after, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                watch.detach.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
            // the collection before the operation counts too: what is live when it starts
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            return watch;
        }

        void stop() {
            used = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            // the notifications arrive on their own thread shortly after each collection
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            detach.forEach(Runnable::run);
            System.gc();
            liveAfterGc.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        double liveMb() {
            return liveAfterGc.get() / 1e6;
        }

        double usedMb() {
            return used / 1e6;
        }
    }

    // ---- output ----

    void print() throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-12s %-46s %8s %8s %6s %8s %8s %-6s %7s %7s  %s%n",
                "tickets", "operation", "app ms", "floor ms", "ratio", "outside", "limit", "target", "live MB", "used MB",
                "app runs ms"));
        StringBuilder csv = new StringBuilder("tickets,operation,app_ms,floor_ms,ratio,outside_ms,limit_ms,target_met,"
                + "live_heap_mb,used_heap_mb,app_runs_ms\n");
        for (Row r : rows) {
            String met = r.limitMillis() == 0 ? "" : r.appMillis() <= r.limitMillis() ? "met" : "missed";
            table.append(String.format(Locale.ROOT, "%,12d %-46s %8d %8d %6.2f %8d %8s %-6s %7.0f %7.0f  %s%n", r.tickets(),
                    r.operation(), r.appMillis(), r.floorMillis(), r.ratio(), r.appMillis() - r.floorMillis(),
                    r.limitMillis() == 0 ? "" : Long.toString(r.limitMillis()), met, r.liveHeapMb(), r.usedHeapMb(), r.appRuns()));
            csv.append(String.format(Locale.ROOT, "%d,\"%s\",%d,%d,%.3f,%d,%s,%s,%.1f,%.1f,%s%n", r.tickets(), r.operation(),
                    r.appMillis(), r.floorMillis(), r.ratio(), r.appMillis() - r.floorMillis(),
                    r.limitMillis() == 0 ? "" : Long.toString(r.limitMillis()), met, r.liveHeapMb(), r.usedHeapMb(), r.appRuns()));
        }
        table.append(String.format(Locale.ROOT, "max heap %d MB, %d processors; analyses: median of %d runs after %d warm-up runs%n",
                Runtime.getRuntime().maxMemory() / 1_000_000, Runtime.getRuntime().availableProcessors(), RUNS, WARM_UPS));
        System.out.println(table);
        Path out = Path.of("target", "benchmark.csv");
        Files.createDirectories(out.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            writer.write(csv.toString());
        }
    }
}
