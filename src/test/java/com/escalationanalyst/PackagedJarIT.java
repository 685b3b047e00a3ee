package com.escalationanalyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the executable jar: it starts with {@code java -jar}, warms the Python engine at
 * start, and runs a Python script task inside the engine (Jython loaded from the jar).
 */
class PackagedJarIT {

    Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroy();
        }
    }

    @Test
    void theJarRunsPythonScriptTasks() throws Exception {
        Path dataDir = Files.createTempDirectory("ea-jar");
        Path log = dataDir.resolve("app.log");
        int port = PackagedApp.freePort();
        ProcessBuilder command = PackagedApp.command(dataDir, List.of("-Xmx512m"),
                List.of("--server.port=" + port, "--escalation.demo-data=false"));
        app = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();

        Api api = new Api(port);
        long deadline = System.currentTimeMillis() + 180_000;
        while (!Files.readString(log).contains("Python script engine ready")) {
            assertThat(app.isAlive()).as("the application exited:\n" + Files.readString(log)).isTrue();
            assertThat(System.currentTimeMillis()).as("start-up and Python warm-up within 3 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
        assertThat(api.getAnonymous("/engine-rest/engine").statusCode()).isEqualTo(200);

        Csv tickets = TicketFixtures.threeMonths();
        assertThat(api.post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);
        long escalated = tickets.rows().stream().filter(r -> r.get("escalated").equals("true")).count();

        HttpResponse<String> response = api.post("/api/self-check", "application/json", new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = Api.json(response);
        assertThat(result.get("pythonVersion").asText()).startsWith("2.7.");
        assertThat(result.get("pythonWarmupMillis").asLong()).as("warmed before the first run").isNotNegative();
        assertThat(result.get("tickets").asLong()).isEqualTo(tickets.rows().size());
        // computed by the Python script from the counts: 10 of 30 tickets
        assertThat(result.get("escalationRate").asDouble()).isCloseTo(100.0 * escalated / tickets.rows().size(),
                org.assertj.core.data.Offset.offset(1e-9));

        JsonNode scriptStep = Api.json(api.get("/engine-rest/history/activity-instance?processInstanceId="
                + result.get("processInstanceId").asText() + "&activityId=Task_SummarizeInstallation")).get(0);
        System.out.printf("Packaged jar: Python warm-up %d ms at start, script task %d ms in the first self check%n",
                result.get("pythonWarmupMillis").asLong(), scriptStep.get("durationInMillis").asLong());
        assertThat(Files.readString(log)).doesNotContain("Can't find scripting engine");

        // a script that imports Java classes (Spin) and a decision table, from the jar's nested libraries:
        // the fixture's 10 escalations are all BUG-CONFIRMED, a product bug
        HttpResponse<String> patterns = api.post("/api/analyses/escalation-patterns", "application/json",
                "{\"from\":\"2026-08-01\",\"to\":\"2026-10-31\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(patterns.statusCode()).as(patterns.body()).isEqualTo(200);
        JsonNode rows = Api.json(patterns).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("rootCause").asText()).isEqualTo("product_bug");
        assertThat(rows.get(0).get("count").asLong()).isEqualTo(escalated);
        assertThat(rows.get(0).get("recommendedAction").asText()).isNotBlank();
    }
}
