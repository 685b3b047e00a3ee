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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application nodes (the packaged jar, two JVMs) on one PostgreSQL database: started at the same
 * time on an empty database they deploy once; analyses run on either; the monthly timer fires once; a
 * node killed while it sends the report leaves the job to the other node once its lock expires, and every
 * recipient gets one message. Part of the PostgreSQL suite.
 */
@EnabledIfSystemProperty(named = "test.db", matches = "postgres")
class ClusterIT {

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
            Node a = start(db, staller.port(), "a");
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

            // node b stops; the timer falls due; node a runs the report and hangs sending it (the SMTP server it
            // was given never answers)
            b.kill();
            jdbc.update("UPDATE act_ru_job SET duedate_ = now() - interval '1 minute' WHERE handler_type_ = 'timer-start-event'"
                    + " AND process_def_key_ = 'MonthlyEscalationReportScheduleProcess'");
            await(() -> staller.connections() > 0, Duration.ofMinutes(2), "node a to start sending");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isOne();
            a.kill();

            // node b comes back and finishes the send once node a's lock on the job has expired
            Node b2 = start(db, smtp.getSmtp().getPort(), "b2");
            awaitReady(b2);
            await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report WHERE sent_at IS NOT NULL", Integer.class) == 1,
                    Duration.ofMinutes(2), "node b to send the report");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report_delivery", Integer.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isOne();
            Thread.sleep(5000);
            assertThat(smtp.getReceivedMessages()).hasSize(2);
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
                "--escalation.python-warmup=false"));
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
