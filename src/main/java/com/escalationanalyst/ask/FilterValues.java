package com.escalationanalyst.ask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the product areas, segments, tiers and regions a question names, among the values the stores hold:
 * case, plurals ("enterprises", "billing tickets"), one typo in a word of 4–7 letters and two in a longer word
 * ("enterprize", "notifcations") are forgiven; short words must match exactly. A few everyday names of a value
 * are known besides ("small business" for SMB, "Europe" for EMEA); they count only where the stores hold the
 * value they stand for.
 */
final class FilterValues {

    /** What a found value is. */
    enum Kind { PRODUCT_AREA, SEGMENT, TIER, REGION }

    record Value(Kind kind, String value) {
    }

    /** Everyday names → the value as stores usually spell it. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("small business", "SMB"), Map.entry("small businesses", "SMB"), Map.entry("smbs", "SMB"),
            Map.entry("mid market", "Mid-Market"), Map.entry("midmarket", "Mid-Market"), Map.entry("mid-size", "Mid-Market"),
            Map.entry("midsize", "Mid-Market"), Map.entry("government", "Public Sector"),
            Map.entry("public-sector", "Public Sector"), Map.entry("europe", "EMEA"), Map.entry("european", "EMEA"),
            Map.entry("asia pacific", "APAC"), Map.entry("asia-pacific", "APAC"), Map.entry("asia", "APAC"),
            Map.entry("latin america", "LATAM"), Map.entry("latin american", "LATAM"),
            Map.entry("south america", "LATAM"), Map.entry("north american", "North America"),
            Map.entry("usa", "North America"), Map.entry("mobile", "Mobile App"),
            Map.entry("app", "Mobile App"), Map.entry("user mgmt", "User Management"),
            Map.entry("user admin", "User Management"), Map.entry("data imports", "Data Import"),
            Map.entry("integration", "Integrations"), Map.entry("notification", "Notifications"),
            Map.entry("alerts", "Notifications"), Map.entry("dashboards", "Reporting"));

    private final Map<String, Value> names = new LinkedHashMap<>();

    FilterValues(List<String> productAreas, List<String> segments, List<String> tiers, List<String> regions) {
        add(Kind.PRODUCT_AREA, productAreas);
        add(Kind.SEGMENT, segments);
        add(Kind.TIER, tiers);
        add(Kind.REGION, regions);
        Map<String, Value> byValue = new LinkedHashMap<>();
        names.values().forEach(v -> byValue.putIfAbsent(v.value().toLowerCase(Locale.ROOT), v));
        ALIASES.forEach((alias, value) -> {
            Value known = byValue.get(value.toLowerCase(Locale.ROOT));
            if (known != null) {
                names.putIfAbsent(alias, known);
            }
        });
    }

    private void add(Kind kind, List<String> values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                names.putIfAbsent(value.trim().toLowerCase(Locale.ROOT), new Value(kind, value.trim()));
            }
        }
    }

    /** The values named in {@code text} (lower case, single spaces), longest names first, each once. */
    List<Value> find(String text) {
        String[] words = text.split("[^\\p{L}\\p{N}-]+");
        List<Value> found = new ArrayList<>();
        boolean[] used = new boolean[words.length];
        List<Map.Entry<String, Value>> longestFirst = new ArrayList<>(names.entrySet());
        longestFirst.sort((a, b) -> Integer.compare(b.getKey().split(" ").length, a.getKey().split(" ").length));
        for (Map.Entry<String, Value> name : longestFirst) {
            String[] nameWords = name.getKey().split(" ");
            for (int i = 0; i + nameWords.length <= words.length; i++) {
                if (free(used, i, nameWords.length) && matches(words, i, nameWords)) {
                    for (int k = 0; k < nameWords.length; k++) {
                        used[i + k] = true;
                    }
                    if (!found.contains(name.getValue())) {
                        found.add(name.getValue());
                    }
                }
            }
        }
        return found;
    }

    private static boolean free(boolean[] used, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (used[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String[] words, int at, String[] nameWords) {
        for (int k = 0; k < nameWords.length; k++) {
            if (!wordMatches(words[at + k], nameWords[k])) {
                return false;
            }
        }
        return true;
    }

    static boolean wordMatches(String word, String name) {
        String w = singular(word);
        String n = singular(name);
        if (w.equals(n) || word.equals(name)) {
            return true;
        }
        int allowed = n.length() >= 8 ? 2 : n.length() >= 4 ? 1 : 0;
        return allowed > 0 && Math.abs(w.length() - n.length()) <= allowed && distance(w, n) <= allowed;
    }

    private static String singular(String word) {
        if (word.endsWith("'s")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Edit distance with adjacent swaps counting as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
