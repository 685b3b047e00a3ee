package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import API on the suite's database (H2, or PostgreSQL with -Ppostgres). */
@IntegrationTest
class ImportApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jdbc = TestStores.empty(dataSource);
    }

    private static Map<YearMonth, Integer> countsPerMonth(Csv csv) {
        Map<YearMonth, Integer> counts = new TreeMap<>();
        for (Map<String, String> row : csv.rows()) {
            counts.merge(YearMonth.parse(row.get("created_at").substring(0, 7)), 1, Integer::sum);
        }
        return counts;
    }

    private Map<YearMonth, Integer> storedCountsPerMonth() {
        Map<YearMonth, Integer> counts = new TreeMap<>();
        for (OffsetDateTime created : jdbc.queryForList("SELECT created_at FROM ticket", OffsetDateTime.class)) {
            counts.merge(YearMonth.from(created.withOffsetSameInstant(ZoneOffset.UTC)), 1, Integer::sum);
        }
        return counts;
    }

    /** Everything stored, as text, to prove a refused file changed nothing. */
    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM ticket ORDER BY ticket_id").stream().map(Object::toString).toList());
        rows.addAll(jdbc.queryForList("SELECT * FROM resolution ORDER BY ticket_id").stream().map(Object::toString).toList());
        rows.addAll(jdbc.queryForList("SELECT * FROM account ORDER BY account_id").stream().map(Object::toString).toList());
        return rows;
    }

    private HttpResponse<String> importTickets(String csv) {
        return api.post("/api/import/tickets", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodFileRoundTripsAndReimportChangesNothing() {
        Csv csv = TicketFixtures.threeMonths();
        HttpResponse<String> first = importTickets(csv.text());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Api.json(first).get("inserted").asLong()).isEqualTo(30);
        assertThat(Api.json(first).get("updated").asLong()).isZero();

        assertThat(storedCountsPerMonth()).isEqualTo(countsPerMonth(csv))
                .containsEntry(YearMonth.of(2026, 8), 5).containsEntry(YearMonth.of(2026, 10), 15);
        // 10 escalated (every third of 30), 15 resolved (every second)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE escalated", Long.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution", Long.class)).isEqualTo(15);

        Map<String, Object> t6 = jdbc.queryForMap("""
                SELECT t.subject, t.escalated_at, r.resolved_at, r.resolution_notes, t.handle_time_minutes
                FROM ticket t JOIN resolution r ON r.ticket_id = t.ticket_id WHERE t.ticket_id = 'T-6'""");
        assertThat(t6.get("subject")).isEqualTo("Subject, with comma #6");
        assertThat(t6.get("resolution_notes")).isEqualTo("Customer said \"it works\".\nSecond line: Zoë ✓");
        assertThat(t6.get("handle_time_minutes")).isEqualTo(16);
        // T-6 is the 1st ticket of September (i = 0, day 01); 07:45-04:00 is 11:45 UTC, 17:00+02:00 is 15:00 UTC
        assertThat(jdbc.queryForObject("SELECT escalated_at FROM ticket WHERE ticket_id = 'T-6'", OffsetDateTime.class)
                .toInstant()).isEqualTo(OffsetDateTime.parse("2026-09-01T11:45:00Z").toInstant());
        assertThat(jdbc.queryForObject("SELECT resolved_at FROM resolution WHERE ticket_id = 'T-6'", OffsetDateTime.class)
                .toInstant()).isEqualTo(OffsetDateTime.parse("2026-09-01T15:00:00Z").toInstant());

        List<String> before = snapshot();
        HttpResponse<String> again = importTickets(csv.text());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json(again).get("inserted").asLong()).isZero();
        assertThat(Api.json(again).get("updated").asLong()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void changedRowsAreUpdatedAndNewOnesInserted() {
        Csv csv = TicketFixtures.threeMonths();
        importTickets(csv.text());
        csv.rows().get(0).put("status", "closed");            // T-1: ticket column changes
        csv.rows().get(1).put("resolution_type", "");         // T-2: resolution removed
        csv.rows().get(1).put("resolved_at", "");
        csv.rows().get(1).put("resolution_notes", "");
        csv.row("ticket_id", "T-NEW", "created_at", "2026-10-20T10:00:00Z", "status", "new", "priority", "low",
                "escalated", "0");
        HttpResponse<String> response = importTickets(csv.text());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.json(response).get("inserted").asLong()).isEqualTo(1);
        assertThat(Api.json(response).get("updated").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT status FROM ticket WHERE ticket_id = 'T-1'", String.class)).isEqualTo("closed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution WHERE ticket_id = 'T-2'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(31);
    }

    @Test
    void multipartUploadWorksLikeABody() {
        HttpResponse<String> response = api.upload("/api/import/tickets", "file", "tickets.csv", TicketFixtures.threeMonths().bytes());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.json(response).get("inserted").asLong()).isEqualTo(30);
    }

    /** One refused file: status 400, the expected (line, column) first, and the stores unchanged. */
    private void assertRefused(String csv, long line, String column, String messagePart) {
        List<String> before = snapshot();
        HttpResponse<String> response = importTickets(csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = Api.json(response).get("errors").get(0);
        assertThat(error.get("line").asLong()).as(response.body()).isEqualTo(line);
        if (column == null) {
            assertThat(error.get("column").isNull()).as(response.body()).isTrue();
        } else {
            assertThat(error.get("column").asText()).as(response.body()).isEqualTo(column);
        }
        assertThat(error.get("message").asText()).as(response.body()).contains(messagePart);
        assertThat(snapshot()).as("nothing may change").isEqualTo(before);
    }

    /** The good file, with T-1 changed (so a refused file would visibly change something) and one line spoiled. */
    private static String spoiled(String column, String value, int rowIndex) {
        Csv csv = TicketFixtures.threeMonths();
        csv.rows().get(0).put("status", "pending");
        csv.rows().get(rowIndex).put(column, value);
        return csv.text();
    }

    @Test
    void everyClassOfBadRowIsRefusedWithLineAndColumn() {
        importTickets(TicketFixtures.threeMonths().text());

        String header = String.join(",", TicketCsvFormat.COLUMNS);
        assertRefused(TicketFixtures.threeMonths().text().replace(header, header.replace(",handle_time_minutes", "")),
                1, "handle_time_minutes", "missing column");
        assertRefused(TicketFixtures.threeMonths().text().replaceFirst("\n", ",color\n").replace("\n", ",x\n")
                        .replaceFirst(",color,x\n", ",color\n"),
                1, "color", "unknown column");
        // resolved tickets (even numbers) have two-line notes: T-1 is on line 2, T-2 on lines 3-4,
        // T-3 on line 5, T-4 on lines 6-7, T-5 on line 8
        assertRefused(spoiled("created_at", "2026-10-01 10:00", 0), 2, "created_at", "ISO-8601");
        assertRefused(spoiled("created_at", "2026-10-01T10:00:00", 0), 2, "created_at", "offset");
        assertRefused(spoiled("escalated", "yes", 0), 2, "escalated", "not a boolean");
        assertRefused(spoiled("handle_time_minutes", "-5", 0), 2, "handle_time_minutes", "0 or more");
        assertRefused(spoiled("escalated_at", "", 2), 5, "escalated_at", "required when escalated is true");
        assertRefused(spoiled("resolved_at", "2020-01-01T00:00:00Z", 1), 3, "resolved_at", "before created_at");
        assertRefused(spoiled("status", "reopened", 0), 2, "status", "not one of");

        Csv duplicate = TicketFixtures.threeMonths();
        duplicate.rows().get(2).put("ticket_id", "T-1"); // T-3 on line 5 (after T-2's two lines) becomes T-1
        assertRefused(duplicate.text(), 5, "ticket_id", "first on line 2");

        String tooFew = TicketFixtures.threeMonths().text().replaceFirst("\nT-1,([^\n]*)\n", "\nT-1,x\n");
        assertRefused(tooFew, 2, null, "has 2 fields; the header has 17");

        byte[] latin1 = spoiled("subject", "caf\u00e9", 0).getBytes(StandardCharsets.ISO_8859_1);
        List<String> before = snapshot();
        HttpResponse<String> response = api.post("/api/import/tickets", "text/csv", latin1);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Api.json(response).get("errors").get(0);
        assertThat(error.get("line").asLong()).as(response.body()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("UTF-8");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void instantsOutsideTheAcceptedRangeAreRefusedWithLineAndColumn() {
        importTickets(TicketFixtures.threeMonths().text());
        String range = " is outside the accepted instants, from 1970-01-01T00:00:00Z up to, not including, "
                + "2100-01-01T00:00:00Z";
        // H2 stored the year +999999999 and PostgreSQL failed on it (500): both refuse it now, as a bad row
        assertRefused(spoiled("created_at", "+999999999-12-31T23:59:59Z", 0), 2, "created_at",
                "'+999999999-12-31T23:59:59Z'" + range);
        assertRefused(spoiled("created_at", "1969-12-31T23:59:59Z", 0), 2, "created_at", "'1969-12-31T23:59:59Z'" + range);
        // T-3 (line 5) is escalated; 20:00 at -04:00 on 31 December 2099 is 2100 in UTC
        assertRefused(spoiled("escalated_at", "2099-12-31T20:00:00-04:00", 2), 5, "escalated_at",
                "'2099-12-31T20:00:00-04:00'" + range);
    }

    @Test
    void theErrorListIsCutAtTheMaximumAndSaysSoOnlyWhenThereAreMore() {
        // each row with one field too few is exactly one error; the maximum is 100 (escalation.import.max-errors)
        for (int bad : new int[] {100, 101, 250}) {
            StringBuilder file = new StringBuilder(String.join(",", TicketCsvFormat.COLUMNS)).append('\n');
            for (int i = 0; i < bad; i++) {
                file.append("T-").append(i).append('\n');
            }
            HttpResponse<String> response = importTickets(file.toString());
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = Api.json(response);
            assertThat(problem.get("errors")).as(bad + " bad rows").hasSize(100);
            assertThat(problem.get("errors").get(99).get("line").asLong()).isEqualTo(101);
            assertThat(problem.get("truncated").asBoolean()).as(bad + " bad rows").isEqualTo(bad > 100);
            assertThat(problem.get("detail").asText()).isEqualTo(bad > 100
                    ? "the file has more than 100 errors; nothing of it was stored (the first 100 are listed)"
                    : "the file has 100 errors; nothing of it was stored");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isZero();
    }

    @Test
    void allErrorsOfAFileAreListedInLineOrder() {
        Csv csv = TicketFixtures.threeMonths();
        csv.rows().get(0).put("priority", "asap");      // line 2
        csv.rows().get(0).put("handle_time_minutes", "ten");
        csv.rows().get(4).put("created_at", "yesterday"); // T-5: line 8 (T-2 and T-4 span two lines each)
        HttpResponse<String> response = importTickets(csv.text());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = Api.json(response).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("priority");
        assertThat(errors.get(1).get("column").asText()).isEqualTo("handle_time_minutes");
        assertThat(errors.get(2).get("line").asLong()).isEqualTo(8);
        assertThat(errors.get(2).get("column").asText()).isEqualTo("created_at");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isZero();
    }

    @Test
    void aLineOfEndlessCommasIsRefusedWithItsLineWithoutBeingBuffered() {
        // the header (line 1) and T-1 (line 2), then line 3 is 200 MB of commas, made up as it is sent
        String text = TicketFixtures.threeMonths().text();
        byte[] head = text.substring(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1).getBytes(StandardCharsets.UTF_8);
        long commas = 200L * 1024 * 1024;
        HttpResponse<String> response = api.postStream("/api/import/tickets", "text/csv",
                () -> new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
                    long left = commas;

                    @Override
                    public int read() {
                        return left-- > 0 ? ',' : -1;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(length, left);
                        Arrays.fill(buffer, offset, offset + n, (byte) ',');
                        left -= n;
                        return n;
                    }
                }));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = Api.json(response).get("errors");
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("column").isNull()).isTrue();
        assertThat(errors.get(0).get("message").asText())
                .isEqualTo("has more than 200 fields (at most 200 are allowed; reading stopped at field 201)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isZero();
    }

    @Test
    void emptyFileIsRefused() {
        HttpResponse<String> response = importTickets("");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response).get("errors").get(0).get("message").asText()).contains("header row");
    }

    @Test
    void accountsImportAndRefuseBadAmounts() {
        Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
        accounts.row("account_id", "ACC-1", "name", "Acme, Inc.", "segment", "Enterprise", "tier", "Strategic",
                "region", "EMEA", "industry", "Retail", "arr", "1250000.50");
        accounts.row("account_id", "ACC-2", "name", "Tiny", "segment", "SMB", "arr", "");
        HttpResponse<String> ok = api.post("/api/import/accounts", "text/csv", accounts.bytes());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Api.json(ok).get("inserted").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT arr FROM account WHERE account_id = 'ACC-1'", java.math.BigDecimal.class))
                .isEqualByComparingTo("1250000.50");

        HttpResponse<String> again = api.post("/api/import/accounts", "text/csv", accounts.bytes());
        assertThat(Api.json(again).get("inserted").asLong()).isZero();
        assertThat(Api.json(again).get("updated").asLong()).isZero();

        accounts.rows().get(1).put("arr", "-3");
        accounts.rows().get(0).put("segment", "");
        List<String> before = snapshot();
        HttpResponse<String> bad = api.post("/api/import/accounts", "text/csv", accounts.bytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = Api.json(bad).get("errors");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("segment");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(1).get("column").asText()).isEqualTo("arr");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void importNeedsAuthentication() {
        HttpResponse<String> response = api.postAnonymous("/api/import/tickets", "text/csv",
                TicketFixtures.threeMonths().bytes());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isZero();
    }
}
