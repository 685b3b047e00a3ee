package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.AppProcess;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TestCredentials;
import com.escalationanalyst.testsupport.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new ADMIN_PASSWORD on an existing installation: the packaged jar restarted on the same database takes it,
 * also when the administrator was locked by the engine (as an earlier version locked users after ten wrong
 * passwords), and the reset is no failed login.
 */
class AdminPasswordResetIT {

    @Test
    void aRestartWithANewPasswordResetsAndUnlocksTheAdministrator() throws Exception {
        Path dataDir = Files.createTempDirectory("ea-reset");
        int port = PackagedApp.freePort();
        ProcessBuilder command = PackagedApp.command(dataDir, List.of("-Xmx512m"),
                List.of("--server.port=" + port, "--escalation.demo-data=false", "--escalation.python-warmup=false"));
        String oldPassword = TestCredentials.PASSWORD;
        String newPassword = "reset-" + oldPassword;

        try (AppProcess first = AppProcess.start(command, port, dataDir.resolve("first.log"))) {
            assertThat(first.api().get("/api/knowledge/known-issues").statusCode()).isEqualTo(200);
            for (int i = 0; i < 12; i++) {
                int status = new Api(port, TestCredentials.ADMIN, "wrong-" + i).get("/api/knowledge/known-issues").statusCode();
                assertThat(status).as("wrong password " + (i + 1)).isIn(401, 429);
            }
        }
        // what the engine wrote for a user it locked for good before the throttle existed
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(PackagedApp.jdbcUrl(command, dataDir),
                TestDatabases.postgres() ? "postgres" : "sa", ""));
        assertThat(db.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")), TestCredentials.ADMIN)).isOne();
        closeH2(db);

        command.environment().put("ADMIN_PASSWORD", newPassword);
        try (AppProcess second = AppProcess.start(command, port, dataDir.resolve("second.log"))) {
            assertThat(new Api(port, TestCredentials.ADMIN, newPassword).get("/api/knowledge/known-issues").statusCode())
                    .isEqualTo(200);
            assertThat(new Api(port, TestCredentials.ADMIN, oldPassword).get("/api/knowledge/known-issues").statusCode())
                    .isEqualTo(401);
            assertThat(second.log()).contains("Administrator 'admin': password set from ADMIN_PASSWORD")
                    .doesNotContain("OptimisticLockingException");
        }
        JdbcTemplate after = new JdbcTemplate(new DriverManagerDataSource(PackagedApp.jdbcUrl(command, dataDir),
                TestDatabases.postgres() ? "postgres" : "sa", ""));
        // the one wrong password above came after the reset; the reset itself counted none and lifted the lock
        assertThat(after.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class,
                TestCredentials.ADMIN)).isOne();
        closeH2(after);
    }

    /** An embedded H2 file opened by the test must be closed before the application opens it again. */
    private static void closeH2(JdbcTemplate db) {
        if (!TestDatabases.postgres()) {
            db.execute("SHUTDOWN");
        }
    }
}
