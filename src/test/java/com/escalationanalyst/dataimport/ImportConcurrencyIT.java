package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports of overlapping files at the same moment, on the suite's database: each answers 200 or 409,
 * never 500, and the store ends as the files imported in some order would leave it, never a mix.
 * A short lock wait keeps the 409 case quick.
 */
@IntegrationTest
@TestPropertySource(properties = "escalation.import.lock-timeout=2000")
class ImportConcurrencyIT {

    static final int ROUNDS = 8;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    JdbcTemplate jdbc;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jdbc = TestStores.empty(dataSource);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Tickets T-first..T-last with the subject {@code tag #n}; even ones resolved, every third escalated. */
    private static Csv tickets(int first, int last, String tag) {
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (int n = first; n <= last; n++) {
            boolean resolved = n % 2 == 0;
            boolean escalated = n % 3 == 0;
            String day = String.format("2026-09-%02dT10:00:00Z", 1 + n % 28);
            csv.row("ticket_id", "T-" + n, "created_at", day, "status", resolved ? "solved" : "open",
                    "priority", "normal", "subject", tag + " #" + n, "escalated", escalated ? "true" : "false",
                    "escalated_at", escalated ? day : "", "resolution_type", resolved ? "fixed" : "",
                    "resolved_at", resolved ? day.replace("T10", "T18") : "", "resolution_notes", resolved ? tag : "");
        }
        return csv;
    }

    /** ticket id → subject, and ticket id → resolution notes, as stored. */
    private Map<String, String> storedSubjects() {
        Map<String, String> subjects = new TreeMap<>();
        jdbc.query("SELECT ticket_id, subject FROM ticket", rs -> {
            subjects.put(rs.getString(1), rs.getString(2));
        });
        return subjects;
    }

    private Map<String, String> storedNotes() {
        Map<String, String> notes = new TreeMap<>();
        jdbc.query("SELECT ticket_id, resolution_notes FROM resolution", rs -> {
            notes.put(rs.getString(1), rs.getString(2));
        });
        return notes;
    }

    /** What the files leave when imported in this order (later ones win on the ids they share). */
    private static Map<String, String> expectedSubjects(List<Csv> inOrder) {
        Map<String, String> subjects = new TreeMap<>();
        inOrder.forEach(csv -> csv.rows().forEach(row -> subjects.put(row.get("ticket_id"), row.get("subject"))));
        return subjects;
    }

    private static Map<String, String> expectedNotes(List<Csv> inOrder) {
        Map<String, String> notes = new TreeMap<>();
        inOrder.forEach(csv -> csv.rows().stream().filter(row -> !row.get("resolution_type").isEmpty())
                .forEach(row -> notes.put(row.get("ticket_id"), row.get("resolution_notes"))));
        return notes;
    }

    @Test
    void overlappingImportsAtOnceAnswer200Or409AndLeaveWholeFiles() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TestStores.empty(dataSource);
            // 1,500 and 1,500 tickets sharing 750 ids, each side with its own subjects and notes
            Csv a = tickets(1, 1500, "A" + round);
            Csv b = tickets(751, 2250, "B" + round);
            CyclicBarrier start = new CyclicBarrier(2);
            Future<HttpResponse<String>> first = threads.submit(() -> {
                start.await();
                return api.post("/api/import/tickets", "text/csv", a.bytes());
            });
            Future<HttpResponse<String>> second = threads.submit(() -> {
                start.await();
                return api.post("/api/import/tickets", "text/csv", b.bytes());
            });
            HttpResponse<String> ra = first.get(120, TimeUnit.SECONDS);
            HttpResponse<String> rb = second.get(120, TimeUnit.SECONDS);
            String context = "round " + round + ": A " + ra.statusCode() + " " + ra.body() + " / B " + rb.statusCode()
                    + " " + rb.body();
            assertThat(ra.statusCode()).as(context).isIn(200, 409);
            assertThat(rb.statusCode()).as(context).isIn(200, 409);
            assertThat(ra.statusCode() == 200 || rb.statusCode() == 200).as(context).isTrue();

            List<Csv> order = new ArrayList<>();
            if (ra.statusCode() == 200 && rb.statusCode() == 200) {
                JsonNode ja = Api.json(ra);
                JsonNode jb = Api.json(rb);
                // the one that came second found the other's 750 shared tickets, all different, and inserted the rest
                boolean aFirst = jb.get("updated").asLong() == 750;
                JsonNode earlier = aFirst ? ja : jb;
                JsonNode later = aFirst ? jb : ja;
                assertThat(earlier.get("inserted").asLong()).as(context).isEqualTo(1500);
                assertThat(earlier.get("updated").asLong()).as(context).isZero();
                assertThat(later.get("inserted").asLong()).as(context).isEqualTo(750);
                assertThat(later.get("updated").asLong()).as(context).isEqualTo(750);
                order.addAll(aFirst ? List.of(a, b) : List.of(b, a));
            } else {
                HttpResponse<String> refused = ra.statusCode() == 409 ? ra : rb;
                assertThat(Api.json(refused).get("errors").get(0).get("message").asText()).as(context)
                        .isEqualTo("another import into the helpdesk store is running and did not finish within "
                                + "2000 ms; nothing of this file was stored, send it again");
                order.add(ra.statusCode() == 200 ? a : b);
            }
            assertThat(storedSubjects()).as(context).isEqualTo(expectedSubjects(order));
            assertThat(storedNotes()).as(context).isEqualTo(expectedNotes(order));
        }
    }

    @Test
    void anImportThatWaitsLongerThanTheLockTimeoutIs409AndChangesNothing() throws Exception {
        Csv file = tickets(1, 20, "late");
        // a transaction holding the helpdesk store's import lock stands for a long import in its merge
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT store FROM helpdesk_import_lock FOR UPDATE").close();
            }
            long started = System.nanoTime();
            HttpResponse<String> refused = api.post("/api/import/tickets", "text/csv", file.bytes());
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            JsonNode error = Api.json(refused).get("errors").get(0);
            assertThat(error.get("line").asLong()).isZero();
            assertThat(error.get("column").isNull()).isTrue();
            assertThat(error.get("message").asText()).isEqualTo("another import into the helpdesk store is running "
                    + "and did not finish within 2000 ms; nothing of this file was stored, send it again");
            assertThat(waitedMillis).as("it waited for the lock first").isGreaterThanOrEqualTo(2000);
            // status changes go into the helpdesk store too, and wait for the same lock
            HttpResponse<String> changes = api.post("/api/import/ticket-status-changes", "text/csv",
                    "ticket_id,changed_at,status\nT-1,2026-10-01T09:00:00Z,pending\n".getBytes(StandardCharsets.UTF_8));
            assertThat(changes.statusCode()).as(changes.body()).isEqualTo(409);
            assertThat(Api.json(changes).get("type").asText()).isEqualTo("/problems/import-busy");
            assertThat(Api.json(changes).get("detail").asText()).isEqualTo("another import into the helpdesk store is "
                    + "running and did not finish within 2000 ms; nothing of this file was stored, send it again");
            // the CRM store has a lock of its own, which nobody holds
            Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
            accounts.row("account_id", "ACC-1", "name", "Acme", "segment", "SMB");
            HttpResponse<String> crm = api.post("/api/import/accounts", "text/csv", accounts.bytes());
            assertThat(crm.statusCode()).as(crm.body()).isEqualTo(200);
            holder.rollback();
        }
        assertThat(storedSubjects()).isEmpty();
        // once the lock is free the same file goes in
        HttpResponse<String> retried = api.post("/api/import/tickets", "text/csv", file.bytes());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(storedSubjects()).isEqualTo(expectedSubjects(List.of(file)));
    }

    @Test
    void anImportWaitsForOneThatFinishesWithinTheTimeout() throws Exception {
        Csv file = tickets(1, 20, "patient");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT store FROM helpdesk_import_lock FOR UPDATE").close();
            }
            Future<HttpResponse<String>> waiting = threads.submit(
                    () -> api.post("/api/import/tickets", "text/csv", file.bytes()));
            Thread.sleep(500);
            assertThat(waiting).as("still waiting for the lock").isNotDone();
            holder.rollback();
            HttpResponse<String> response = waiting.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(storedSubjects()).isEqualTo(expectedSubjects(List.of(file)));
    }
}
