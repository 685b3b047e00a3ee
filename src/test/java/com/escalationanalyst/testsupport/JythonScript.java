package com.escalationanalyst.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/** Runs a script of bpmn/scripts on Jython, without an engine, with the variables a task would have. */
public final class JythonScript {

    private static final ScriptEngine PYTHON = new ScriptEngineManager().getEngineByName("python");

    private JythonScript() {
    }

    /** The {@code execution} a script sees: variables in, variables out. */
    public static final class Execution {
        private final Map<String, Object> variables = new HashMap<>();

        public Object getVariable(String name) {
            return variables.get(name);
        }

        public void setVariable(String name, Object value) {
            variables.put(name, value);
        }

        public Map<String, Object> variables() {
            return variables;
        }
    }

    public static Map<String, Object> run(String script, Map<String, Object> inputs) throws IOException, ScriptException {
        if (PYTHON == null) {
            throw new IllegalStateException("Jython is not on the test class path");
        }
        Execution execution = new Execution();
        execution.variables.putAll(inputs);
        SimpleBindings bindings = new SimpleBindings();
        bindings.put("execution", execution);
        synchronized (PYTHON) {
            PYTHON.setBindings(bindings, ScriptContext.ENGINE_SCOPE);
            PYTHON.eval(Files.readString(Path.of("bpmn/scripts", script)));
        }
        return execution.variables();
    }
}
