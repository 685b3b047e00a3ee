package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.PackagedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            Path dir = Files.createTempDirectory("ea-policy");
            ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx256m"), List.of());
            command.environment().put("ADMIN_USER", "admin");
            command.environment().put("ADMIN_PASSWORD", weak[0]);
            command.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
            // a database that does not exist: the refusal must come before any connection
            command.environment().put("DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
            command.redirectErrorStream(true);
            Path log = dir.resolve("out.log");
            command.redirectOutput(log.toFile());
            Process process = command.start();
            PackagedApp.waitFor(process, Duration.ofMinutes(2));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output).contains("ADMIN_PASSWORD: " + weak[1]).doesNotContain("Connection refused");
        }
    }

    @Test
    void theEmbeddedDefaultRefusesAWeakPasswordThatIsSet() throws Exception {
        Path dir = Files.createTempDirectory("ea-policy");
        ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx256m"), List.of());
        command.environment().remove("SPRING_PROFILES_ACTIVE");
        command.environment().remove("DB_URL");
        command.environment().put("ADMIN_USER", "admin");
        command.environment().put("ADMIN_PASSWORD", "   ");
        command.redirectErrorStream(true);
        Path log = dir.resolve("out.log");
        command.redirectOutput(log.toFile());
        Process process = command.start();
        PackagedApp.waitFor(process, Duration.ofMinutes(2));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("ADMIN_PASSWORD: consists of whitespace only");
        assertThat(Files.exists(dir.resolve("escalation-analyst.mv.db"))).as("no database was created").isFalse();
    }
}
