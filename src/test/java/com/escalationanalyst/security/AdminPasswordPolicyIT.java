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

    /** Starts the jar with the password (on PostgreSQL at dbUrl, or embedded when null); returns its output. */
    private static String refusedStart(String password, String dbUrl, Path dir) throws Exception {
        ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx256m"), List.of());
        command.environment().put("ADMIN_USER", "admin");
        command.environment().put("ADMIN_PASSWORD", password);
        if (dbUrl == null) {
            command.environment().remove("SPRING_PROFILES_ACTIVE");
            command.environment().remove("DB_URL");
        } else {
            command.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
            command.environment().put("DB_URL", dbUrl);
        }
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
