package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.AppProcess;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The node sending the monthly report is killed ({@code kill -9}) after the SMTP server stored the first
 * message and before the server's 250 reached it. After a restart the send job runs again: the first recipient
 * gets that message a second time, with the same Message-ID (so a receiving server or mail client can drop the
 * copy); every other recipient gets exactly one; each delivery is recorded once.
 */
class MailAfterCrashIT {

    static final List<String> RECIPIENTS = List.of("vp@example.com", "lead-emea@example.com", "lead-apac@example.com");

    @Test
    void aNodeKilledAfterTheServerAcceptedAMessageResendsOnlyThatOneWithTheSameMessageId() throws Exception {
        Path dataDir = Files.createTempDirectory("ea-mail-crash");
        int port = PackagedApp.freePort();
        try (KillingSmtpServer smtp = new KillingSmtpServer()) {
            ProcessBuilder command = PackagedApp.command(dataDir, List.of("-Xmx512m"), List.of(
                    "--server.port=" + port, "--escalation.demo-data=false", "--escalation.python-warmup=false",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                    "--escalation.report.recipients=" + String.join(", ", RECIPIENTS),
                    "--escalation.report.recipient-group=",
                    // the killed node's job lock runs out after 5 s, not the default 5 minutes
                    "--camunda.bpm.job-execution.lock-time-in-millis=5000"));
            AppProcess first = AppProcess.start(command, port, dataDir.resolve("first.log"));
            Csv tickets = TicketFixtures.threeMonths();
            assertThat(first.api().post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);

            CountDownLatch killed = new CountDownLatch(1);
            smtp.armAfterNextMessage(() -> {
                try {
                    first.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.countDown();
            });
            String month = lastFixtureMonth(tickets);
            HttpResponse<String> run = first.api().post("/api/reports/monthly", "application/json",
                    ("{\"month\":\"" + month + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            String reportId = Api.json(run).get("reportId").asText();
            assertThat(killed.await(2, TimeUnit.MINUTES)).as("the send job reached the SMTP server").isTrue();
            assertThat(smtp.received()).hasSize(1);

            try (AppProcess second = AppProcess.start(command, port, dataDir.resolve("second.log"))) {
                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                JsonNode report = null;
                while (System.nanoTime() < end) {
                    report = Api.json(second.api().get("/api/reports/" + reportId));
                    if (!report.path("sentAt").isNull() && !report.path("sentAt").isMissingNode()) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertThat(report.path("sentAt").isNull()).as("sent after the restart: " + report).isFalse();
                assertThat(report.get("deliveries")).hasSize(3);
            }

            Map<String, List<KillingSmtpServer.Received>> byRecipient = smtp.received().stream()
                    .collect(Collectors.groupingBy(KillingSmtpServer.Received::recipient));
            String inFlight = smtp.received().get(0).recipient();
            assertThat(byRecipient.keySet()).containsExactlyInAnyOrderElementsOf(RECIPIENTS);
            for (String recipient : RECIPIENTS) {
                List<KillingSmtpServer.Received> copies = byRecipient.get(recipient);
                assertThat(copies).as(recipient).hasSize(recipient.equals(inFlight) ? 2 : 1);
                assertThat(copies.stream().map(KillingSmtpServer.Received::messageId).distinct().toList())
                        .as("one Message-ID per recipient").hasSize(1);
                assertThat(copies.get(0).messageId()).startsWith("<report-" + reportId + ".").endsWith("@escalation-analyst>");
            }
            assertThat(smtp.received().stream().map(KillingSmtpServer.Received::messageId).distinct().count())
                    .as("a different Message-ID for each recipient").isEqualTo(3);
        }
    }

    /** The last whole month of the fixture's tickets (they span three months). */
    private static String lastFixtureMonth(Csv tickets) {
        return tickets.rows().stream().map(r -> r.get("created_at").substring(0, 7)).max(String::compareTo).orElseThrow();
    }
}
