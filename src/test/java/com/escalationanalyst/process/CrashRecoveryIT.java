package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.AppProcess;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the application confirmed survives a {@code kill -9} of its JVM: the packaged jar on the suite's
 * database (on H2 its embedded default file, as a user runs it), killed right after it answered.
 */
class CrashRecoveryIT {

    @Test
    void anImportConfirmedJustBeforeTheKillIsStillThereAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("ea-crash");
        int port = PackagedApp.freePort();
        ProcessBuilder command = PackagedApp.command(dataDir, List.of("-Xmx512m"),
                List.of("--server.port=" + port, "--escalation.demo-data=false", "--escalation.python-warmup=false"));
        Csv tickets = TicketFixtures.threeMonths();
        int rows = tickets.rows().size();

        AppProcess first = AppProcess.start(command, port, dataDir.resolve("first.log"));
        HttpResponse<String> imported = first.api().post("/api/import/tickets", "text/csv", tickets.bytes());
        first.kill();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Api.json(imported).get("inserted").asLong()).isEqualTo(rows);

        try (AppProcess second = AppProcess.start(command, port, dataDir.resolve("second.log"))) {
            JsonNode again = Api.json(second.api().post("/api/import/tickets", "text/csv", tickets.bytes()));
            assertThat(again.get("inserted").asLong()).as("every confirmed row was kept: nothing is new").isZero();
            assertThat(again.get("updated").asLong()).as("and nothing differs").isZero();
            JsonNode check = Api.json(second.api().post("/api/self-check", "application/json", new byte[0]));
            assertThat(check.get("tickets").asLong()).isEqualTo(rows);
        }
    }
}
