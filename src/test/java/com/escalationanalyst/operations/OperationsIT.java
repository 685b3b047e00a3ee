package com.escalationanalyst.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TestUsers;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health, info and metrics as an operator reaches them: probes open to everyone with the status only, details
 * for admins and the monitoring group; info with the version from the POM and the checked-out commit; metrics in
 * Prometheus' format that move by exactly what was done (an analysis, an import of known size, a refused file,
 * an incident).
 */
@IntegrationTest
class OperationsIT {

    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    DataSource dataSource;

    Api admin;
    Api monitor;
    Api analyst;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "monitor1", PASSWORD, "escalation-monitoring");
        TestUsers.ensure(identityService, "analyst3", PASSWORD, "escalation-analysts");
        admin = new Api(port);
        monitor = new Api(port, "monitor1", PASSWORD);
        analyst = new Api(port, "analyst3", PASSWORD);
    }

    @Test
    void probesAnswerEveryoneWithTheStatusAndAdminsAndMonitorsWithEachComponent() throws Exception {
        HttpResponse<String> readiness = untilReady();
        assertThat(Api.json(readiness).get("status").asText()).isEqualTo("UP");
        assertThat(Api.json(readiness).has("components")).as("anonymous: status only").isFalse();
        HttpResponse<String> liveness = admin.getAnonymous("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(Api.json(liveness).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> health = admin.getAnonymous("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        // the status and the names of the probe groups, no component
        assertThat(Api.json(health).fieldNames()).toIterable().containsExactlyInAnyOrder("status", "groups");

        for (Api user : new Api[] {admin, monitor}) {
            JsonNode detailed = Api.json(user.get("/actuator/health/readiness"));
            assertThat(detailed.get("components").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("readinessState", "startup", "stores", "db", "processEngine", "jobExecutor");
            detailed.get("components").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("UP"));
            assertThat(detailed.at("/components/stores/details").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("helpdesk", "crm", "knowledge", "report");
            assertThat(detailed.at("/components/startup/details/pythonWarmup").asText()).endsWith(" ms");
        }
        // an analyst is neither: the status only
        assertThat(Api.json(analyst.get("/actuator/health")).has("components")).isFalse();
    }

    @Test
    void infoNamesTheVersionOfThePomAndTheCommitItWasBuiltFrom() throws Exception {
        HttpResponse<String> info = monitor.get("/actuator/info");
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        JsonNode json = Api.json(info);
        assertThat(json.at("/build/version").asText()).isEqualTo(pomVersion());
        assertThat(json.at("/build/artifact").asText()).isEqualTo("escalation-analyst");
        String head = gitHead();
        if (head != null) {
            assertThat(head).startsWith(json.at("/git/commit/id").asText());
            assertThat(json.at("/git/commit/id").asText()).hasSizeGreaterThanOrEqualTo(7);
        } else {
            assertThat(json.has("git")).as("built outside a git checkout").isFalse();
        }
        assertThat(json.at("/java/version").asText()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void metricsAndInfoNeedTheMonitoringOrAdminGroup() {
        assertThat(analyst.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(Api.json(analyst.get("/actuator/info")).get("detail").asText())
                .isEqualTo("forbidden: GET /actuator/info needs membership in escalation-monitoring or escalation-admins");
        HttpResponse<String> anonymous = admin.getAnonymous("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(monitor.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
        // the monitoring group reads metrics, nothing of the application
        assertThat(monitor.get("/api/reports").statusCode()).isEqualTo(403);
    }

    @Test
    void importsAnalysesAndIncidentsMoveTheirMetricsByWhatWasDone() throws Exception {
        TestStores.empty(dataSource);
        String before = prometheus();
        // 30 tickets, all new (fixture); then every subject changed: 30 updated; the same again: nothing; a refused file
        String text = TicketFixtures.threeMonths().text();
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        byte[] changed = text.replace("Subject, with comma", "Subject changed").getBytes(StandardCharsets.UTF_8);
        assertThat(admin.post("/api/import/tickets", "text/csv", file).statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/import/tickets", "text/csv", changed).statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/import/tickets", "text/csv", changed).statusCode()).isEqualTo(200);
        assertThat(admin.post("/api/import/tickets", "text/csv", "ticket_id\nT-1\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> analysis = admin.post("/api/analyses/escalation-patterns", "application/json",
                "{\"from\":\"2026-08-01\",\"to\":\"2026-10-31\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(analysis.statusCode()).as(analysis.body()).isEqualTo(200);

        repositoryService.createDeployment().addModelInstance("waits.bpmn", Bpmn.createExecutableProcess("OperationsWaitProcess")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Wait").endEvent().done()).deploy();
        ProcessInstance waiting = runtimeService.startProcessInstanceByKey("OperationsWaitProcess");
        runtimeService.createIncident("failedJob", waiting.getId(), "a test incident");
        String after = prometheus();

        assertThat(delta(before, after, "escalation_import_rows_total", "kind=\"tickets\"", "outcome=\"inserted\"")).isEqualTo(30);
        assertThat(delta(before, after, "escalation_import_rows_total", "kind=\"tickets\"", "outcome=\"updated\"")).isEqualTo(30);
        assertThat(delta(before, after, "escalation_import_rejections_total", "kind=\"tickets\"")).isEqualTo(1);
        assertThat(delta(before, after, "escalation_process_duration_seconds_count",
                "process=\"AnalyzeEscalationPatternsProcess\"")).isEqualTo(1);
        assertThat(delta(before, after, "escalation_step_duration_seconds_count",
                "process=\"AnalyzeEscalationPatternsProcess\"", "step=\"Group and rank root causes\"")).isEqualTo(1);
        assertThat(delta(before, after, "escalation_incidents_open", "type=\"failedJob\"")).isEqualTo(1);
        // every escalation_* metric is in the table of docs/operations.md and the dashboard asks for none other
        Set<String> exported = new TreeSet<>();
        for (String line : after.split("\n")) {
            if (line.startsWith("escalation_")) {
                exported.add(line.split("[{ ]")[0].replaceAll("_(bucket|count|sum|max)$", ""));
            }
        }
        Set<String> documented = names(Files.readString(Path.of("docs/operations.md")), "\\| `(escalation_[a-z_]+)`");
        assertThat(exported).isEqualTo(documented);
        Set<String> dashboard = new TreeSet<>();
        names(Files.readString(Path.of("docs/grafana/escalation-analyst.json")), "(escalation_[a-z_]+)")
                .forEach(name -> dashboard.add(name.replaceAll("_(bucket|count|sum|max)$", "")));
        assertThat(documented).containsAll(dashboard);
        assertThat(dashboard).hasSizeGreaterThanOrEqualTo(12);
        runtimeService.deleteProcessInstance(waiting.getId(), "test done");
        assertThat(delta(after, prometheus(), "escalation_incidents_open", "type=\"failedJob\"")).isEqualTo(-1);
    }

    private HttpResponse<String> untilReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> readiness = admin.getAnonymous("/actuator/health/readiness");
        while (readiness.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            Thread.sleep(200);
            readiness = admin.getAnonymous("/actuator/health/readiness");
        }
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        return readiness;
    }

    private String prometheus() {
        HttpResponse<String> response = monitor.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double delta(String before, String after, String name, String... labels) {
        Double a = sample(after, name, labels);
        Double b = sample(before, name, labels);
        assertThat(a).as(name + " " + String.join(",", labels) + " in\n" + after).isNotNull();
        return a - (b == null ? 0 : b);
    }

    /** The value of the sample of {@code name} that carries every label, or null. */
    static Double sample(String text, String name, String... labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return null;
    }

    private static Set<String> names(String text, String regex) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>escalation-analyst</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String gitHead() throws IOException, InterruptedException {
        if (!Files.isDirectory(Path.of(".git")) && !Files.isRegularFile(Path.of(".git"))) {
            return null;
        }
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return git.waitFor() == 0 ? out : null;
    }
}
