package com.escalationanalyst.process;

import com.escalationanalyst.config.EscalationSettings;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starting the Jython interpreter takes seconds. The engine caches one script engine per language;
 * this starts that cached engine right after start-up, in the background, so the first analysis
 * does not pay for it.
 */
@Component
public class ScriptEngineWarmup {

    private static final Logger log = LoggerFactory.getLogger(ScriptEngineWarmup.class);

    private final ProcessEngine engine;
    private final boolean enabled;
    private volatile long warmupMillis = -1;
    private volatile String failure;

    ScriptEngineWarmup(ProcessEngine engine, EscalationSettings escalation) {
        this.engine = engine;
        this.enabled = escalation.pythonWarmup();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmInBackground() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                warm();
            } catch (RuntimeException e) {
                failure = e.getMessage();
                log.error("The Python script engine did not start: {} (the application stays not ready)", failure, e);
            }
        }, "python-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the engine's cached Python script engine; idempotent. */
    public synchronized void warm() {
        if (warmupMillis >= 0) {
            return;
        }
        long started = System.nanoTime();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the engine hands out its cached script engines inside a command only
        configuration.getCommandExecutorTxRequired().execute(context -> {
            ScriptEngine python = configuration.getScriptingEngines().getScriptEngineForLanguage("python");
            if (python == null) {
                throw new IllegalStateException("No script engine for 'python': is jython-standalone on the class "
                        + "path (and unpacked from the executable jar)?");
            }
            try {
                return python.eval("import sys, math");
            } catch (ScriptException e) {
                throw new IllegalStateException("The Python script engine does not run", e);
            }
        });
        warmupMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Python script engine ready in {} ms", warmupMillis);
    }

    /** False when the warm-up is switched off ({@code escalation.python-warmup}). */
    public boolean enabled() {
        return enabled;
    }

    /** Why the warm-up failed, or null. */
    public String failure() {
        return failure;
    }

    /** How long the warm-up took, or -1 while it has not finished. */
    public long warmupMillis() {
        return warmupMillis;
    }
}
