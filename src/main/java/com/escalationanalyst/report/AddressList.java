package com.escalationanalyst.report;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of e-mail addresses as written in {@code escalation.report.recipients}. It is split at the commas
 * that separate addresses in RFC 822 (those of {@link InternetAddress#parse}: not inside a quoted display
 * name, a comment or angle brackets, so {@code "Doe, Jane" <jane.doe@example.com>} is one address), and each
 * address is then checked strictly on its own: a malformed one is refused with the reason, the others stay.
 */
final class AddressList {

    /** An address that cannot be sent to, as written, and why. */
    record Refused(String address, String reason) {
    }

    /** Accepted addresses in RFC 822 form with their display names, each mailbox once, in the order written. */
    record Parsed(List<String> accepted, List<Refused> refused) {
    }

    private AddressList() {
    }

    static Parsed parse(String text) {
        List<String> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Set<String> mailboxes = new HashSet<>();
        for (String part : split(text)) {
            try {
                InternetAddress address = new InternetAddress(part, true);
                if (address.isGroup()) {
                    throw new AddressException("a group, not one address");
                }
                if (mailboxes.add(address.getAddress())) {
                    accepted.add(address.toUnicodeString());
                }
            } catch (AddressException e) {
                refused.add(new Refused(part, e.getMessage()));
            }
        }
        return new Parsed(accepted, refused);
    }

    /** The mailbox (local@domain) of an accepted address, without its display name. */
    static String mailbox(String address) {
        return sendable(address).getAddress();
    }

    /**
     * An accepted address ready for a header: the display name is encoded as UTF-8 when it needs encoding,
     * whatever the JVM's default charset.
     */
    static InternetAddress sendable(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, false);
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("'" + address + "' was accepted as an e-mail address before: " + e.getMessage(), e);
        }
    }

    /**
     * The addresses of a list, trimmed, empty ones left out. A quote, comment or angle bracket that is never
     * closed ends at the next comma, so it spoils only the address it starts in.
     */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int next = switch (c) {
                case '"' -> afterQuoted(text, i);
                case '(' -> afterComment(text, i);
                case '<' -> afterAngle(text, i);
                default -> i + 1;
            };
            if (next < 0) {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? text.length() : comma;
                add(parts, text.substring(start, end));
                start = end + 1;
                i = end + 1;
            } else if (c == ',') {
                add(parts, text.substring(start, i));
                start = i + 1;
                i++;
            } else {
                i = next;
            }
        }
        if (start < text.length()) {
            add(parts, text.substring(start));
        }
        return parts;
    }

    private static void add(List<String> parts, String part) {
        String trimmed = part.trim();
        if (!trimmed.isEmpty()) {
            parts.add(trimmed);
        }
    }

    /** The index after the quoted string opening at {@code open}, or -1 if it is not closed. */
    private static int afterQuoted(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Comments nest and may hold quoted pairs, but a quote inside one is a plain character. */
    private static int afterComment(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A route address may quote its local part ({@code <"a,b"@example.com>}). */
    private static int afterAngle(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int after = afterQuoted(text, i);
                if (after < 0) {
                    return -1;
                }
                i = after - 1;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }
}
