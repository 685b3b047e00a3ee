package com.escalationanalyst.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits Markdown into sections at ATX headings (# to ######); text before the first heading is kept. */
final class MarkdownSections {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private MarkdownSections() {
    }

    static List<PolicySection> split(String document, String markdown) {
        List<PolicySection> sections = new ArrayList<>();
        String heading = document;
        StringBuilder body = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\\R")) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
            }
            Matcher m = inCode ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                add(sections, document, heading, body);
                heading = m.group(1).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        add(sections, document, heading, body);
        return sections;
    }

    private static void add(List<PolicySection> sections, String document, String heading, StringBuilder body) {
        String text = body.toString().trim();
        if (!text.isEmpty()) {
            sections.add(new PolicySection(document, heading, text));
        }
    }
}
