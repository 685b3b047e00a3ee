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
 * executor runs the send step), one file per report and mailbox that a second writing replaces; and the
 * Tasklist start form's values reach the run.
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
    @Autowired
    ReportMailer mailer;

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
        // month, report, first 16 hex digits of SHA-256 of the mailbox (from sha256sum), mailbox
        String vpFile = "2026-10-" + reportId + ".5fbfc737573f1bbd-vp-customer-experience_example.com.eml";
        String leadsFile = "2026-10-" + reportId + ".803c870045df2a91-support-team-leads_example.com.eml";
        Map<String, String> messageIds = Map.of(
                vpFile, "<report-" + reportId + ".5fbfc737573f1bbd@escalation-analyst>",
                leadsFile, "<report-" + reportId + ".803c870045df2a91@escalation-analyst>");
        List<String> to = new ArrayList<>();
        for (JsonNode delivery : report.get("deliveries")) {
            assertThat(delivery.get("transport").asText()).isEqualTo("outbox");
            Path file = Path.of(delivery.get("reference").asText());
            assertThat(file.getParent()).isEqualTo(settings.outbox().toAbsolutePath());
            assertThat(file.getFileName().toString()).isIn(vpFile, leadsFile);
            MimeMessage message = read(file);
            assertThat(message.getSubject()).isEqualTo("Escalations October 2026: no tickets");
            assertThat(message.getHeader(ReportMailer.REPORT_ID_HEADER)[0]).isEqualTo(reportId);
            assertThat(message.getMessageID()).isEqualTo(messageIds.get(file.getFileName().toString()));
            to.add(message.getAllRecipients()[0].toString());
        }
        assertThat(to).containsExactlyInAnyOrder("vp-customer-experience@example.com", "support-team-leads@example.com");
        assertThat(filesOf(reportId)).containsExactlyInAnyOrder(vpFile, leadsFile);

        // written again (as after a crash before the delivery was recorded): the same file, the same Message-ID
        jdbc.update("DELETE FROM monthly_report_delivery WHERE report_id = ?", reportId);
        assertThat(mailer.send(reportId)).isEqualTo(new ReportMailer.Outcome(2, 0, 0));
        assertThat(filesOf(reportId)).containsExactlyInAnyOrder(vpFile, leadsFile);
        assertThat(read(settings.outbox().resolve(vpFile)).getMessageID()).isEqualTo(messageIds.get(vpFile));
        try (Stream<Path> files = Files.list(settings.outbox())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    List<String> filesOf(String reportId) throws Exception {
        try (Stream<Path> files = Files.list(settings.outbox())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(reportId)).toList();
        }
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
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
