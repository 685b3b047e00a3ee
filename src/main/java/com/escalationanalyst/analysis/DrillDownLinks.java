package com.escalationanalyst.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to the tickets behind a number: {@code /tickets} with the selection's parameters, empty ones left out. */
public final class DrillDownLinks {

    private DrillDownLinks() {
    }

    public static String tickets(Map<String, String> parameters) {
        return link("/tickets", parameters);
    }

    /** The tickets of candidate {@code number} (from 0) of patterns run {@code runId}, within the run's period. */
    public static String cluster(String periodFrom, String periodTo, String runId, int number) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("periodFrom", periodFrom);
        parameters.put("periodTo", periodTo);
        parameters.put("run", runId);
        parameters.put("cluster", Integer.toString(number));
        return tickets(parameters);
    }

    public static String link(String path, Map<String, String> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        return uri.buildAndExpand(values).encode().toUriString();
    }
}
