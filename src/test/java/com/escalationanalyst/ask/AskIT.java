package com.escalationanalyst.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TestUsers;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Questions in words through the API and Tasklist, as an analyst. Fixture: {@link TicketFixtures#threeMonths()}
 * (5 tickets in August, 10 in September, 15 in October 2026; every third escalated; odd ones Billing, even ones
 * Notifications; account ACC-(n mod 4)) and four accounts: ACC-0 and ACC-2 Enterprise, ACC-1 and ACC-3 SMB.
 */
@IntegrationTest
class AskIT {

    static final String PASSWORD = "analyst-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    Api analyst;

    @BeforeEach
    void setUp() {
        Api admin = new Api(port);
        TestStores.empty(dataSource);
        new JdbcTemplate(dataSource).update("DELETE FROM analysis_run");
        TestUsers.ensure(identityService, "asker", PASSWORD, "escalation-analysts");
        analyst = new Api(port, "asker", PASSWORD);
        assertThat(admin.post("/api/import/tickets", "text/csv", TicketFixtures.threeMonths().bytes()).statusCode())
                .isEqualTo(200);
        Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
        for (int i = 0; i < 4; i++) {
            accounts.row("account_id", "ACC-" + i, "name", "Account " + i, "segment", i % 2 == 0 ? "Enterprise" : "SMB",
                    "tier", "Standard", "region", "EMEA");
        }
        assertThat(admin.post("/api/import/accounts", "text/csv", accounts.bytes()).statusCode()).isEqualTo(200);
    }

    JsonNode ask(String question) {
        HttpResponse<String> response = analyst.post("/api/ask", "application/json",
                ("{\"question\":\"" + question + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    @Test
    void aWhyQuestionIsAnsweredByThePatternsWithANarrativeAndKept() {
        String question = "why did Billing tickets escalate in September 2026?";
        JsonNode answer = ask(question);
        assertThat(answer.at("/understood/skill").asText()).isEqualTo("patterns");
        assertThat(answer.at("/understood/summary").asText())
                .isEqualTo("Escalation patterns for Billing: 1 Sep – 30 Sep 2026");
        // Billing in September: T-7, T-9, T-11, T-13, T-15; escalated T-9 and T-15, both BUG-CONFIRMED
        assertThat(answer.at("/result/totalTickets").asLong()).isEqualTo(5);
        assertThat(answer.at("/result/escalatedTickets").asLong()).isEqualTo(2);
        assertThat(answer.get("narrative").asText()).startsWith("5 tickets, 2 of them escalated (40.00%).")
                .contains("2 escalations (100.00% of escalations)")
                // handle times 10 + n minutes: T-9 19, T-15 25, mean 22; 2 × 22 / 60 h × 38 USD = 27.87
                .contains("estimated cost 28 USD");
        JsonNode kept = Api.json(analyst.get("/api/analyses")).get("runs").get(0);
        assertThat(kept.get("source").asText()).isEqualTo("ask");
        assertThat(kept.get("startedBy").asText()).isEqualTo("asker");
        assertThat(answer.get("archive").asText()).isEqualTo(kept.get("page").asText());
        assertThat(Api.json(analyst.get("/api/analyses/" + kept.get("id").asText())).at("/inputs/question").asText())
                .isEqualTo(question);
    }

    @Test
    void aComparisonQuestionIsAnsweredBySegmentRates() {
        JsonNode answer = ask("do Enterprise customers escalate more than SMB in Q3 2026?");
        assertThat(answer.at("/understood/skill").asText()).isEqualTo("segments");
        assertThat(answer.at("/understood/dimension").asText()).isEqualTo("segment");
        // Q3: August's 5 and September's 10 tickets (T-1 … T-15); escalated T-3, T-6, T-9, T-12, T-15
        assertThat(answer.at("/result/totalTickets").asLong()).isEqualTo(15);
        assertThat(answer.at("/result/escalatedTickets").asLong()).isEqualTo(5);
        assertThat(answer.get("narrative").asText()).startsWith("Overall 15 tickets, 5 escalated (33.33%)");
    }

    @Test
    void aReportQuestionPreviewsTheReportWithoutSendingIt() {
        JsonNode answer = ask("what would the monthly report for October 2026 say?");
        assertThat(answer.at("/understood/skill").asText()).isEqualTo("report");
        assertThat(answer.at("/understood/month").asText()).isEqualTo("2026-10");
        String reportId = answer.at("/report/reportId").asText();
        assertThat(answer.at("/report/page").asText()).isEqualTo("/reports/" + reportId);
        Map<String, Object> stored = new JdbcTemplate(dataSource).queryForMap(
                "SELECT send_requested, sent_at, trigger_source FROM monthly_report WHERE report_id = ?", reportId);
        assertThat(stored.get("send_requested")).isEqualTo(false);
        assertThat(stored.get("sent_at")).isNull();
        assertThat(stored.get("trigger_source")).isEqualTo("ask");
    }

    @Test
    void aQuestionOutOfScopeIsAskedBackAndBadRequestsAreRefused() {
        JsonNode answer = ask("what is the weather in Paris tomorrow?");
        assertThat(answer.at("/understood/skill").asText()).isEqualTo("clarify");
        assertThat(answer.get("clarification").asText()).startsWith("That is not something I can answer.");
        assertThat(answer.has("result")).isFalse();

        for (String[] bad : new String[][] {{"{}", "question"}, {"{\"question\": 5}", "question"},
                {"{\"q\": \"why\"}", "q"}, {"[1]", "body"}}) {
            HttpResponse<String> response = analyst.post("/api/ask", "application/json",
                    bad[0].getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Api.json(response).get("field").asText()).isEqualTo(bad[1]);
        }
        assertThat(analyst.postAnonymous("/api/ask", "application/json",
                "{\"question\":\"why\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(401);
    }

    @Test
    void aQuestionAskedInTasklistEndsInATaskWithTheAnswer() {
        identityService.setAuthentication("asker", List.of("escalation-analysts"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(ProcessIds.ASK,
                    Map.of("question", "why are Notifications tickets escalating in October 2026"));
        } finally {
            identityService.clearAuthentication();
        }
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReadAnswer");
        assertThat(task.getAssignee()).isEqualTo("asker");
        // Notifications in October: T-16, T-18, … T-30 (8 tickets); escalated T-18, T-24, T-30
        assertThat((String) runtimeService.getVariable(instance.getId(), "narrative"))
                .startsWith("8 tickets, 3 of them escalated (37.50%).");
        assertThat(runtimeService.getVariable(instance.getId(), "understood"))
                .isEqualTo("Escalation patterns for Notifications: 1 Oct – 31 Oct 2026");
    }
}
