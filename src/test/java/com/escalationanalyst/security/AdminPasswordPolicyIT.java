package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.PackagedApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar refuses weak administrator passwords before touching a database: in profile postgres a
 * missing one too, in the embedded default one that is set and weak.
 */
class AdminPasswordPolicyIT {

    @Test
    void weakPasswordsStopTheStart() throws Exception {
        assertThat(AdminPasswordPolicy.problem("admin", "correct-horse-battery")).isNull();
        for (String[] weak : new String[][] {{"", "not set"}, {"my-admin-password", "contains the user id 'admin'"},
                {"short-pw", "shorter than 12"}, {"              ", "consists of whitespace only"},
                {"  eleven-chr  ", "shorter than 12"}}) {
            // a database that does not exist: the refusal must come before any connection
            String output = refusedStart(weak[0], "jdbc:postgresql://127.0.0.1:1/none", Files.createTempDirectory("ea-policy"));
            assertThat(output).contains("ADMIN_PASSWORD: " + weak[1]).doesNotContain("Connection refused");
        }
    }

    @Test
    void theEmbeddedDefaultRefusesAWeakPasswordThatIsSet() throws Exception {
        Path dir = Files.createTempDirectory("ea-policy");
        assertThat(refusedStart("   ", null, dir)).contains("ADMIN_PASSWORD: consists of whitespace only");
        assertThat(Files.exists(dir.resolve("escalation-analyst.mv.db"))).as("no database was created").isFalse();
    }

    @Test
    void anAdminIdTheEngineRefusesIsOneErrorLineSayingWhatToSet() throws Exception {
        Path dir = Files.createTempDirectory("ea-policy");
        String output = refusedStart(Map.of("ADMIN_USER", "jane doe", "ADMIN_PASSWORD", ""), dir);
        List<String> errors = output.lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as(output).hasSize(1);
        assertThat(errors.get(0)).contains("APPLICATION FAILED TO START")
                .contains("ADMIN_USER: 'jane doe' is not a user id the engine accepts (pattern [a-zA-Z0-9]+)")
                .contains("Set ADMIN_USER to letters and digits only");
        assertThat(output).doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("escalation-analyst.mv.db"))).as("no database was created").isFalse();
    }

    @Test
    void aTimeZoneThatIsNotOneIsOneErrorLineNamingTheProperty() throws Exception {
        String output = refusedStart(Map.of("ESCALATION_TIME_ZONE", "Mars/Olympus", "ADMIN_PASSWORD", ""),
                Files.createTempDirectory("ea-policy"));
        List<String> errors = output.lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as(output).hasSize(1);
        assertThat(errors.get(0)).contains("escalation.time-zone: 'Mars/Olympus' is not a time zone")
                .contains("Set escalation.time-zone (ESCALATION_TIME_ZONE) to a zone id");
    }

    @Test
    void withProfileJsonLogsEveryLineIsAJsonObject() throws Exception {
        String output = refusedStart(Map.of("SPRING_PROFILES_ACTIVE", "json-logs", "ADMIN_PASSWORD", "short-pw"),
                Files.createTempDirectory("ea-policy"));
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
            lines.add(json.readTree(line)); // throws on a line that is not JSON
        }
        assertThat(lines).as(output).isNotEmpty();
        List<JsonNode> errors = lines.stream().filter(l -> l.path("log.level").asText().equals("ERROR")
                || l.path("log").path("level").asText().equals("ERROR")).toList();
        assertThat(errors).as(output).hasSize(1);
        assertThat(errors.get(0).get("message").asText()).contains("ADMIN_PASSWORD: shorter than 12");
    }

    /** Starts the jar with the password (on PostgreSQL at dbUrl, or embedded when null); returns its output. */
    private static String refusedStart(String password, String dbUrl, Path dir) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("ADMIN_PASSWORD", password);
        if (dbUrl != null) {
            environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            environment.put("DB_URL", dbUrl);
        }
        return refusedStart(environment, dir);
    }

    /** Starts the embedded default with these environment variables (ADMIN_USER admin unless given); returns its output. */
    private static String refusedStart(Map<String, String> environment, Path dir) throws Exception {
        ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx256m"), List.of());
        command.environment().remove("SPRING_PROFILES_ACTIVE");
        command.environment().remove("DB_URL");
        command.environment().put("ADMIN_USER", "admin");
        command.environment().putAll(environment);
        command.redirectErrorStream(true);
        Path log = dir.resolve("out.log");
        command.redirectOutput(log.toFile());
        Process process = command.start();
        PackagedApp.waitFor(process, Duration.ofMinutes(2));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        return output;
    }
}
