package com.escalationanalyst.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Process variables that hold aggregates as JSON (Camunda's "Json" type): readable in Cockpit,
 * by Python scripts ({@code json.loads(unicode(...))}, not {@code str}, which is ASCII in Jython) and by form-js, and not limited to 4,000
 * characters like string variables.
 */
public final class JsonVariables {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private JsonVariables() {
    }

    public static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON variable", e);
        }
    }

    /** A JSON (or JSON text) variable as a tree; null when the variable is absent. */
    public static JsonNode read(VariableScope scope, String name) {
        return tree(scope.getVariable(name), name);
    }

    /** A JSON (or JSON text) variable's value, e.g. one returned with a started instance, as a tree; null for null. */
    public static JsonNode tree(Object value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable " + name + " is not JSON", e);
        }
    }

    /** Ticket ids as a JSON list, as run-member tables keep them. */
    public static String idList(List<String> ids) {
        try {
            return MAPPER.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write ticket ids as JSON", e);
        }
    }

    /** The ids of a JSON list written by {@link #idList}. */
    public static List<String> idList(String json, String where) {
        try {
            return List.of(MAPPER.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + " holds no JSON list", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
