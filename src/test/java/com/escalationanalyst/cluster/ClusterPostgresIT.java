package com.escalationanalyst.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TestDatabases;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Application nodes (the packaged jar, one JVM each) on one PostgreSQL database: two started at the same
 * time on an empty database deploy once; analyses run on either; the monthly timer, polled by both, fires
 * once; a node killed while it sends a report leaves the job to another node once its lock expires, and
 * every recipient gets one message. Run by the PostgreSQL suite only (mvn verify -Ppostgres).
 */
class ClusterPostgresIT {

    static final Duration START = Duration.ofMinutes(4);

    /** One node: its process, port and log. */
    record Node(Process process, int port, Path logFile) {

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }
    }

    final List<Node> nodes = new CopyOnWriteArrayList<>();

    @Test
    void twoNodesOnOneDatabase() throws Exception {
        String db = TestDatabases.newPostgresDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db, "postgres", ""));
        GreenMail smtp = new GreenMail(new ServerSetup(PackagedApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Staller staller = new Staller();
        try {
            // both at once on an empty database
            Node a = start(db, smtp.getSmtp().getPort(), "a");
            Node b = start(db, smtp.getSmtp().getPort(), "b");
            awaitReady(a);
            awaitReady(b);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class)).isOne();
            assertThat(jdbc.queryForList("SELECT key_ FROM act_re_procdef GROUP BY key_ HAVING COUNT(*) > 1", String.class))
                    .isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'timer-start-event'"
                    + " AND process_def_key_ = 'MonthlyEscalationReportScheduleProcess'", Integer.class)).isOne();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_id_user", Integer.class)).isOne();

            // analyses on either node
            for (Node node : List.of(a, b)) {
                var answer = new Api(node.port()).post("/api/analyses/escalation-patterns", "application/json",
                        "{\"period\":\"last month\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }

            // the monthly timer falls due with both nodes polling: one report, one message per recipient
            jdbc.update("UPDATE act_ru_job SET duedate_ = now() - interval '1 minute' WHERE handler_type_ = 'timer-start-event'"
                    + " AND process_def_key_ = 'MonthlyEscalationReportScheduleProcess'");
            await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE sent_at IS NOT NULL", Integer.class) == 1,
                    Duration.ofMinutes(2), "the timer's report to be sent");
            Thread.sleep(5000);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isOne();
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            a.kill();
            b.kill();

            // node c hangs sending September's report (its SMTP server never answers) and is killed
            Node c = start(db, staller.port(), "c");
            awaitReady(c);
            var september = new Api(c.port()).post("/api/reports/monthly", "application/json",
                    "{\"month\":\"2026-09\",\"send\":true}".getBytes(StandardCharsets.UTF_8));
            assertThat(september.statusCode()).as(september.body()).isEqualTo(200);
            String reportId = Api.json(september).get("reportId").asText();
            await(() -> staller.connections() > 0, Duration.ofMinutes(1), "node c to start sending");
            c.kill();

            // node d takes the job over once node c's lock has expired: one message per recipient
            Node d = start(db, smtp.getSmtp().getPort(), "d");
            awaitReady(d);
            await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE report_id = ? AND sent_at IS NOT NULL",
                    Integer.class, reportId) == 1, Duration.ofMinutes(2), "node d to send September's report");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report_delivery WHERE report_id = ?", Integer.class,
                    reportId)).isEqualTo(2);
            Thread.sleep(5000);
            assertThat(smtp.getReceivedMessages()).hasSize(4);
        } finally {
            for (Node node : nodes) {
                node.kill();
            }
            smtp.stop();
            staller.close();
        }
    }

    Node start(String db, int smtpPort, String name) throws IOException {
        Path dir = Files.createTempDirectory("ea-node-" + name);
        int port = PackagedApp.freePort();
        ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx384m"), List.of(
                "--server.port=" + port,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
                "--spring.mail.properties.mail.smtp.timeout=600000",
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--escalation.python-warmup=false",
                "--spring.datasource.hikari.maximum-pool-size=8"));
        Map<String, String> env = command.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("DB_URL", db);
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        Path log = dir.resolve("node.log");
        command.redirectErrorStream(true);
        command.redirectOutput(log.toFile());
        Node node = new Node(command.start(), port, log);
        nodes.add(node);
        return node;
    }

    void awaitReady(Node node) throws Exception {
        await(() -> {
            if (!node.process().isAlive()) {
                throw new AssertionError("node on port " + node.port() + " stopped:\n" + node.log());
            }
            try {
                return new Api(node.port()).getAnonymous("/engine-rest/engine").statusCode() == 200
                        && node.log().contains("Started EscalationAnalystApplication");
            } catch (RuntimeException | AssertionError notYet) {
                return false;
            }
        }, START, "node on port " + node.port() + " to start");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** An SMTP port that accepts connections and never answers: a send through it hangs. */
    static final class Staller implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0);
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Staller() throws IOException {
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        open.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "smtp-staller");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
