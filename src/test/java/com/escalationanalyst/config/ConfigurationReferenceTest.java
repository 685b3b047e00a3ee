package com.escalationanalyst.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The settings records are the one place of each default, and docs/configuration.md lists them: compared here
 * through the metadata the configuration processor writes from the records at compile time
 * (META-INF/spring-configuration-metadata.json of this project, not of a library).
 */
class ConfigurationReferenceTest {

    /** Defaults that other settings are built from, kept in application.yaml on purpose (see its comment). */
    private static final List<String> YAML_DEFAULTS = List.of("escalation.data-dir", "escalation.public-url");

    private static Map<String, JsonNode> properties;
    private static Map<String, String> documented;

    @BeforeAll
    static void read() throws IOException {
        properties = new TreeMap<>();
        for (URL url : Collections.list(ConfigurationReferenceTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            if (!url.getProtocol().equals("file")) {
                continue; // a library's
            }
            try (InputStream in = url.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    properties.put(property.path("name").asText(), property);
                }
            }
        }
        documented = documentedDefaults(Files.readString(Path.of("docs/configuration.md")));
    }

    @Test
    void theMetadataHasTheRecordsProperties() {
        assertThat(properties).containsKeys("escalation.time-zone", "escalation.archive.retention",
                "escalation.import.lock-timeout", "escalation.sync.crm.properties.account-id",
                "escalation.helpdesk.datasource.url", "escalation.report.recipient-groups");
        assertThat(properties.get("escalation.import.max-errors").path("defaultValue").asInt()).isEqualTo(100);
    }

    @Test
    void everySettingIsInTheConfigurationReference() {
        List<String> missing = new ArrayList<>();
        for (String name : properties.keySet()) {
            if (name.startsWith("escalation.") && !documented.containsKey(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("escalation.* settings missing from docs/configuration.md").isEmpty();
    }

    @Test
    void theReferenceGivesEachRecordDefault() {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            JsonNode value = property.getValue().path("defaultValue");
            String doc = documented.get(property.getKey());
            if (value.isMissingNode() || doc == null) {
                continue;
            }
            String expected = value.isArray() ? joined(value) : value.asText();
            if (expected.startsWith("[") && expected.endsWith("]")) {
                expected = expected.substring(1, expected.length() - 1); // a list default, as the processor writes it
            }
            if (!doc.equals(expected) && !sameNumber(doc, expected)) {
                wrong.put(property.getKey(), "docs say '" + doc + "', the record '" + expected + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void applicationYamlRepeatsNoDefault() throws IOException {
        Map<String, Object> flat = new TreeMap<>();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                flatten("", document, flat);
            }
        }
        List<String> escalation = flat.keySet().stream().filter(k -> k.startsWith("escalation.")).toList();
        assertThat(escalation).containsExactlyInAnyOrderElementsOf(YAML_DEFAULTS);
        for (String name : YAML_DEFAULTS) {
            assertThat(properties.get(name).path("defaultValue").isMissingNode())
                    .as(name + " has its default in application.yaml only").isTrue();
        }
    }

    /** A second reader of the reference's table: property cells, with "`a.b.c` / `.d`" meaning a.b.c and a.b.d. */
    static Map<String, String> documentedDefaults(String markdown) {
        Map<String, String> defaults = new TreeMap<>();
        Pattern code = Pattern.compile("`([^`]*)`");
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `escalation.")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> names = new ArrayList<>();
            String parent = null;
            for (Matcher m = code.matcher(cells[1]); m.find(); ) {
                String name = m.group(1);
                if (!name.startsWith(".") && !name.startsWith("escalation.")) {
                    continue; // an environment variable beside the property
                }
                if (name.startsWith(".")) {
                    name = parent + name;
                } else {
                    parent = name.substring(0, name.lastIndexOf('.'));
                }
                names.add(name);
            }
            List<String> values = new ArrayList<>();
            for (Matcher m = code.matcher(cells[2]); m.find(); ) {
                values.add(m.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                defaults.put(names.get(i), names.size() == values.size() ? values.get(i)
                        : values.size() == 1 ? values.get(0) : "");
            }
        }
        return defaults;
    }

    @Test
    void theTableReaderReadsTheShorthand() {
        Map<String, String> read = documentedDefaults("| `escalation.a.b` / `.c` | `1` / `x y` | meaning |\n"
                + "| `escalation.d` | `7` | meaning |\n| `other.e` | `8` | not ours |\n");
        assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of("escalation.a.b", "1", "escalation.a.c", "x y",
                "escalation.d", "7"));
    }

    /** 0.10 and 0.1 (the metadata writes numbers as JSON numbers). */
    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(prefix.isEmpty() ? entry.getKey().toString() : prefix + "." + entry.getKey(), entry.getValue(), into);
            }
        } else {
            into.put(prefix, node);
        }
    }
}
