package com.escalationanalyst.analysis.patterns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The readable phrases of a note that can label a cluster: its words as written (lower case, not stemmed) and
 * pairs of adjacent words, leaving out English stop words and words of one or two letters (numbers stay:
 * "500", "2fa").
 */
final class Phrases {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private Phrases() {
    }

    static Set<String> of(String text) {
        Set<String> phrases = new LinkedHashSet<>();
        String previous = null;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            boolean kept = !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
                    && (word.length() > 2 || word.chars().anyMatch(Character::isDigit));
            if (kept) {
                phrases.add(word);
                if (previous != null) {
                    phrases.add(previous + " " + word);
                }
            }
            previous = kept ? word : null;
        }
        return phrases;
    }

    /** How many single words a set of phrases holds. */
    static long words(Set<String> phrases) {
        return phrases.stream().filter(p -> !p.contains(" ")).count();
    }

    /** Passes a phrase unless an earlier one passed contains it or is contained in it ("cursor" after "cursor pagination"). */
    static final class NotInAnEarlierOne implements Predicate<String> {

        private final List<String> passed = new ArrayList<>();

        @Override
        public boolean test(String phrase) {
            for (String earlier : passed) {
                if ((" " + earlier + " ").contains(" " + phrase + " ") || (" " + phrase + " ").contains(" " + earlier + " ")) {
                    return false;
                }
            }
            passed.add(phrase);
            return true;
        }
    }
}
