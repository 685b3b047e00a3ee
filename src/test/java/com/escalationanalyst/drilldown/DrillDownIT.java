package com.escalationanalyst.drilldown;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tickets behind a number. Fixture: {@link TicketFixtures#threeMonths()} — September 2026 holds T-6 … T-15
 * (every third escalated, BUG-CONFIRMED, a product bug: T-6, T-9, T-12, T-15; odd ones Billing; account ACC-(n mod 4))
 * — plus X-1 (September, subject starting with "=", escalated, its notes naming KI-318) and four accounts:
 * ACC-0 and ACC-2 Enterprise, ACC-1 and ACC-3 SMB.
 */
@IntegrationTest
class DrillDownIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestStores.empty(dataSource);
        Csv tickets = TicketFixtures.threeMonths();
        tickets.row("ticket_id", "X-1", "created_at", "2026-09-20T08:00:00Z", "status", "closed", "priority", "high",
                "channel", "web", "product_area", "Notifications", "account_id", "ACC-1",
                "subject", "=HYPERLINK(\"http://example.com\")", "escalated", "true",
                "escalated_at", "2026-09-20T09:00:00Z", "escalation_reason_code", "BUG-CONFIRMED",
                "assignee_group", "platform", "resolution_type", "fixed", "resolved_at", "2026-09-21T08:00:00Z",
                "resolution_notes", "Known issue KI-318: the scheduled dashboard e-mail skipped the new team member.");
        assertThat(api.post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);
        Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
        for (int i = 0; i < 4; i++) {
            accounts.row("account_id", "ACC-" + i, "name", "Account " + i, "segment", i % 2 == 0 ? "Enterprise" : "SMB",
                    "tier", "Standard", "region", "EMEA");
        }
        assertThat(api.post("/api/import/accounts", "text/csv", accounts.bytes()).statusCode()).isEqualTo(200);
    }

    JsonNode page(String query) {
        HttpResponse<String> response = api.get("/api/tickets?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("tickets").forEach(t -> ids.add(t.get("ticketId").asText()));
        return ids;
    }

    @Test
    void aSelectionIsPagedSortedAndFiltered() {
        JsonNode september = page("from=2026-09-01&to=2026-09-30&sort=ticket_id&size=4");
        assertThat(september.get("total").asLong()).isEqualTo(11);
        // ids sort as text
        assertThat(ids(september)).containsExactly("T-10", "T-11", "T-12", "T-13");
        assertThat(ids(page("from=2026-09-01&to=2026-09-30&sort=ticket_id&size=4&page=2"))).containsExactly("T-8", "T-9", "X-1");
        assertThat(ids(page("from=2026-09-01&to=2026-09-30&sort=-created_at&size=2"))).containsExactly("X-1", "T-15");

        assertThat(ids(page("from=2026-09-01&to=2026-09-30&rootCause=product_bug&sort=ticket_id")))
                .containsExactly("T-12", "T-15", "T-6", "T-9", "X-1");
        assertThat(page("from=2026-09-01&to=2026-09-30&escalated=false").get("total").asLong()).isEqualTo(6);
        // Enterprise: ACC-0 and ACC-2, i.e. the even ticket numbers
        assertThat(ids(page("from=2026-09-01&to=2026-09-30&segment=Enterprise&sort=ticket_id")))
                .containsExactly("T-10", "T-12", "T-14", "T-6", "T-8");
        assertThat(ids(page("from=2026-09-01&to=2026-09-30&productArea=Billing&rootCause=product_bug&sort=ticket_id")))
                .containsExactly("T-15", "T-9");
        JsonNode one = page("from=2026-09-01&to=2026-09-30&knownIssue=KI-318");
        assertThat(ids(one)).containsExactly("X-1");
        assertThat(one.get("tickets").get(0).get("rootCause").asText()).isEqualTo("product_bug");
        // the exact instants of an analysis; September's tickets are created at 09:15 on days 1, 3, 5, … 19 (T-6 …
        // T-15): the start, T-13's instant on the 15th, is in; the end, T-15's on the 19th, is not
        assertThat(ids(page("periodFrom=2026-09-15T09:15:00Z&periodTo=2026-09-19T09:15:00Z&sort=ticket_id")))
                .containsExactly("T-13", "T-14");
    }

    @Test
    void theCsvHasEveryTicketAndDisarmsFormulas() {
        HttpResponse<String> csv = api.get("/api/tickets.csv?from=2026-08-01&to=2026-10-31&sort=ticket_id");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("tickets.csv");
        String[] lines = csv.body().split("\r\n");
        // 30 fixture tickets and X-1, after the header
        assertThat(lines).hasSize(32);
        assertThat(lines[0]).startsWith("ticket_id,created_at,status");
        String x1 = lines[lines.length - 1];
        assertThat(x1).startsWith("\"X-1\",").contains(",\"'=HYPERLINK(\"\"http://example.com\"\")\",");
        // notes with a line break stay one quoted field
        assertThat(csv.body()).contains("\"Customer said \"\"it works\"\".\nSecond line: Zoë ✓\"");
    }

    @Test
    void badParametersAreRefusedByName() {
        for (String[] bad : new String[][] {{"sort=colour", "sort"}, {"rootCause=weather", "rootCause"},
                {"knownIssue=KI-999", "knownIssue"}, {"foo=1", "foo"}, {"size=0", "size"}, {"escalated=yes", "escalated"},
                {"from=2026-13-01&to=2026-12-31", "from"}, {"segment=Galactic", "segment"},
                {"periodFrom=2026-09-01T00:00Z", "periodTo"}, {"cluster=0", "run"}, {"run=no-such-run", "cluster"},
                {"run=no-such-run&cluster=0", "cluster"}, {"run=r&cluster=first", "cluster"},
                {"run=r&cluster=0&knownIssue=KI-318", "cluster"}}) {
            HttpResponse<String> response = api.get("/api/tickets?" + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Api.json(response).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(api.getAnonymous("/api/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void theArchivedAnalysisLinksEachRootCauseToItsTickets() {
        HttpResponse<String> run = api.post("/api/analyses/escalation-patterns", "application/json",
                "{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String page = api.get("/analyses/" + Api.json(run).get("processInstanceId").asText()).body();
        Matcher link = Pattern.compile("href=\"(/tickets\\?[^\"]*rootCause=product_bug[^\"]*)\">5</a>").matcher(page);
        assertThat(link.find()).as(page).isTrue();
        String tickets = api.get(link.group(1).replace("&amp;", "&")).body();
        assertThat(tickets).contains("5 tickets", "T-15", "X-1");
        assertThat(tickets).contains("href=\"/api/tickets.csv?");
        // product bug's top product area: Notifications (T-6, T-12, X-1) before Billing (T-9, T-15); its link lists
        // those three
        Matcher area = Pattern.compile("href=\"(/tickets\\?[^\"]*productArea=Notifications[^\"]*)\">Notifications / ")
                .matcher(page);
        assertThat(area.find()).as(page).isTrue();
        String inArea = api.get(area.group(1).replace("&amp;", "&")).body();
        assertThat(inArea).contains(">3 tickets<", "T-6", "T-12", "X-1").doesNotContain("T-9<");
        // X-1's notes name KI-318: its count under product bug leads to X-1 alone
        Matcher issue = Pattern.compile("href=\"(/tickets\\?[^\"]*knownIssue=KI-318[^\"]*)\">KI-318 \\(1\\)</a>")
                .matcher(page);
        assertThat(issue.find()).as(page).isTrue();
        String matched = api.get(issue.group(1).replace("&amp;", "&")).body();
        assertThat(matched).contains(">1 ticket<", "X-1").doesNotContain("T-15");
    }
}
