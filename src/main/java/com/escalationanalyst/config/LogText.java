package com.escalationanalyst.config;

/**
 * Log lines carry text from outside (user ids from login attempts, file and document names, addresses, values
 * quoted in error messages). A line break in such text would start a forged log line, so every message and
 * every exception message is written on its own line with its breaks escaped as {@code \r}, {@code \n} (and
 * the Unicode line separators as {@code \u2028} etc.). Stack frames keep their own lines.
 */
final class LogText {

    private LogText() {
    }

    static String escapeLineBreaks(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\u000B' -> "\\u000b";
                case '\u000C' -> "\\u000c";
                case '\u0085' -> "\\u0085";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
