package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TicketFixtures;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar ... import}: exit codes, messages, and a large file under a small heap. */
class ImportCommandIT {

    record Run(int exitCode, String output, long millis) {
    }

    private static Run run(Path dataDir, ProcessBuilder command) throws Exception {
        Path output = dataDir.resolve("output-" + System.nanoTime() + ".txt");
        long started = System.nanoTime();
        Process process = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        PackagedApp.waitFor(process, Duration.ofMinutes(10));
        return new Run(process.exitValue(), Files.readString(output), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void refusedFileExitsWithOneAndNamesLineAndColumnThenAGoodFileImports() throws Exception {
        Path dir = Files.createTempDirectory("ea-cli");
        Csv bad = TicketFixtures.threeMonths();
        bad.rows().get(0).put("created_at", "last Tuesday");
        Path badFile = Files.writeString(dir.resolve("bad.csv"), bad.text());
        ProcessBuilder badCommand = PackagedApp.command(dir, List.of(), List.of("import", "--tickets", badFile.toString()));
        Run refused = run(dir, badCommand);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("line 2, column created_at: 'last Tuesday' is not an ISO-8601 instant");

        Path goodFile = Files.writeString(dir.resolve("good.csv"), TicketFixtures.threeMonths().text());
        // same database as the refused run (same data folder, or the same PostgreSQL database)
        ProcessBuilder goodCommand = PackagedApp.command(dir, List.of(), List.of("import", "--tickets", goodFile.toString()));
        goodCommand.environment().putAll(badCommand.environment());
        Run imported = run(dir, goodCommand);
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("tickets: 30 inserted, 0 updated");

        Run usage = run(dir, PackagedApp.command(dir, List.of(), List.of("import", "--tickets")));
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("Usage: java -jar escalation-analyst.jar import");
    }

    @Test
    void halfAMillionRowsImportWithA256MegabyteHeap() throws Exception {
        Path dir = Files.createTempDirectory("ea-cli-large");
        int rows = 500_000;
        Path file = dir.resolve("tickets.csv");
        long escalated = 0;
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", TicketCsvFormat.COLUMNS));
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                Instant created = start.plusSeconds(60L * i);
                boolean isEscalated = i % 12 == 0;
                escalated += isEscalated ? 1 : 0;
                out.write("T-" + i + "," + created + ",closed,normal,email,Reporting,ACC-" + (i % 5000)
                        + ",Export fails for report " + i + "," + isEscalated + ","
                        + (isEscalated ? created.plusSeconds(3600).toString() : "") + ","
                        + (isEscalated ? "BUG-CONFIRMED" : "") + ",analytics," + created.plusSeconds(600) + ",25,fixed,"
                        + created.plusSeconds(7200) + "," + Csv.quote("Customer could not export, cleared cache; works again #" + i)
                        + "\n");
            }
        }
        ProcessBuilder command = PackagedApp.command(dir, List.of("-Xmx256m"),
                List.of("import", "--tickets", file.toString()));
        Run run = run(dir, command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("tickets: " + rows + " inserted, 0 updated");
        System.out.printf("CLI import of %,d rows (%,d MB) with -Xmx256m: %,d ms including start-up%n",
                rows, Files.size(file) / 1_000_000, run.millis());

        try (Connection c = DriverManager.getConnection(PackagedApp.jdbcUrl(command, dir),
                TestDbUser.user(command), "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*), SUM(CASE WHEN escalated THEN 1 ELSE 0 END) FROM ticket")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows);
            assertThat(rs.getLong(2)).isEqualTo(escalated);
        }
    }

    /** H2's user is "sa"; PostgreSQL's is the one given to the app. */
    private static final class TestDbUser {
        static String user(ProcessBuilder command) {
            return command.environment().getOrDefault("DB_USER", "sa");
        }
    }
}
