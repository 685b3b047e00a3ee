package com.escalationanalyst.drilldown;

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

    static String link(String path, Map<String, String> parameters) {
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
