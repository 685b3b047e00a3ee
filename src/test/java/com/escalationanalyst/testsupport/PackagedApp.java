package com.escalationanalyst.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The executable jar built by {@code mvn package}, run with {@code java -jar} in a process of its
 * own, on the suite's database: an H2 file in a temporary folder, or a throw-away PostgreSQL database.
 */
public final class PackagedApp {

    private PackagedApp() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("jar.path", "target/escalation-analyst-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run through 'mvn verify', which packages first");
        }
        return jar;
    }

    /** A command line {@code java [jvmOptions] -jar app.jar [args]} with the suite's database settings. */
    public static ProcessBuilder command(Path dataDir, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        command.add("--escalation.data-dir=" + dataDir);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("ADMIN_USER", TestCredentials.ADMIN);
        env.put("ADMIN_PASSWORD", TestCredentials.PASSWORD);
        if (TestDatabases.postgres()) {
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("DB_URL", TestDatabases.newPostgresDatabase());
            env.put("DB_USER", "postgres");
            env.put("DB_PASSWORD", "");
        }
        return builder;
    }

    /** The JDBC URL the packaged app uses for this data folder (H2) or the one it was given (PostgreSQL). */
    public static String jdbcUrl(ProcessBuilder builder, Path dataDir) {
        String url = builder.environment().get("DB_URL");
        return url != null ? url : "jdbc:h2:file:" + dataDir + "/escalation-analyst";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void waitFor(Process process, Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not finish within " + timeout);
        }
    }
}
