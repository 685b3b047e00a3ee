package com.escalationanalyst.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One run of the packaged jar in a child JVM: started, awaited, stopped gracefully or killed with SIGKILL. */
public final class AppProcess implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code command} (from PackagedApp.command, with --server.port=port) and waits until it serves. */
    public static AppProcess start(ProcessBuilder command, int port, Path log) throws Exception {
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        AppProcess app = new AppProcess(command.start(), log, port);
        app.awaitReady();
        return app;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitReady() throws Exception {
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (new Api(port).getAnonymous("/engine-rest/engine").statusCode() == 200
                        && log().contains("Started EscalationAnalystApplication")) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        process.destroyForcibly();
        throw new AssertionError("the application did not start within " + START + ":\n" + log());
    }

    /** SIGKILL: no shutdown hook, no pool close, no last flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
