package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default: no SMTP host, so the report goes to the outbox folder as .eml files (the job
 * executor runs the send step); and the Tasklist start form's values reach the run.
 */
@IntegrationTest
class ReportOutboxIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReportSettings settings;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;

    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM monthly_report_delivery");
        jdbc.update("DELETE FROM monthly_report");
    }

    @Test
    void withoutAnSmtpHostEachRecipientGetsAWholeEmlFileInTheOutbox() throws Exception {
        Api api = new Api(port);
        var response = api.post("/api/reports/monthly", "application/json",
                "{\"month\":\"2026-10\",\"send\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String reportId = Api.json(response).get("reportId").asText();

        JsonNode report = null;
        for (int i = 0; i < 200; i++) { // the job executor sends asynchronously
            report = Api.json(api.get("/api/reports/" + reportId));
            if (!report.get("sentAt").isNull()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(report.get("sentAt").isNull()).as("sent within 20 s").isFalse();
        assertThat(report.get("deliveries")).hasSize(2);
        List<String> to = new ArrayList<>();
        for (JsonNode delivery : report.get("deliveries")) {
            assertThat(delivery.get("transport").asText()).isEqualTo("outbox");
            Path file = Path.of(delivery.get("reference").asText());
            assertThat(file.getParent()).isEqualTo(settings.outbox().toAbsolutePath());
            assertThat(file.getFileName().toString()).startsWith("2026-10-" + reportId.substring(0, 8) + "-").endsWith(".eml");
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                assertThat(message.getSubject()).isEqualTo("Escalations October 2026: no tickets");
                assertThat(message.getHeader(ReportMailer.REPORT_ID_HEADER)[0]).isEqualTo(reportId);
                to.add(message.getAllRecipients()[0].toString());
            }
        }
        assertThat(to).containsExactlyInAnyOrder("vp-customer-experience@example.com", "support-team-leads@example.com");
        try (Stream<Path> files = Files.list(settings.outbox())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void theStartFormsValuesReachTheRun() {
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT).latestVersion().singleResult().getId();
        String instance = formService.submitStartForm(definition, Map.of("month", "2026-09", "agentCostPerHour", 40.25,
                "send", false, "force", false)).getId();
        Map<String, Object> stored = jdbc.queryForMap("SELECT trigger_source, report_month, numbers, send_requested "
                + "FROM monthly_report WHERE process_instance_id = ?", instance);
        assertThat(stored.get("trigger_source")).isEqualTo("form");
        assertThat(stored.get("report_month")).isEqualTo("2026-09");
        assertThat(stored.get("send_requested")).isEqualTo(false);
        assertThat(stored.get("numbers").toString()).contains("\"agentCostPerHour\":40.25");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_ReportKept").count()).isOne();
    }
}
