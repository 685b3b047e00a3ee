package com.escalationanalyst.knowledge;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML of knowledge documents (known issues, the reason-code map). These are flat lists of
 * texts, so what only serves to blow a document up is refused while it is composed, before any tree
 * exists: aliases of lists or mappings (an "alias bomb" multiplies a few lines into billions of nodes;
 * a recursive one builds a structure that contains itself), deep nesting, and recursive keys. An alias
 * of a text is one shared string and stays allowed.
 */
final class KnowledgeYaml {

    /** A known-issue list nests 2 levels (list, issue), the reason-code map 3 (mapping, list, code). */
    static final int MAX_NESTING = 10;
    /**
     * Far above the upload limit's default (1 MiB), so that limit decides; this one only holds if
     * {@code escalation.knowledge.max-upload-bytes} is raised beyond it.
     */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    static final String ALIAS_REFUSAL = "the document refers to a list or mapping through a YAML alias (*name); "
            + "knowledge documents must write their content out";

    private KnowledgeYaml() {
    }

    static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        try {
            DumperOptions dumper = new DumperOptions();
            return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextDates())
                    .load(text);
        } catch (YAMLException e) {
            // SnakeYAML words its limits for programmers (and names none of them in a type): say what they mean here
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
                throw new KnowledgeValidationException(List.of(ALIAS_REFUSAL));
            }
            if (message.startsWith("Nesting Depth exceeded")) {
                throw new KnowledgeValidationException(List.of("the YAML is nested more than " + MAX_NESTING
                        + " levels deep; knowledge documents need 3"));
            }
            throw new KnowledgeValidationException(List.of("not valid YAML: " + message));
        }
    }

    /**
     * YAML's implicit types without timestamps: a date stays the text it was written as, and the reader that wants a
     * date checks it strictly (SnakeYAML would turn 2026-02-30 into 2 March without a word).
     */
    static final class TextDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }
}
