package com.escalationanalyst.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The words of a text as the knowledge search sees them: English stems without stop words. */
public final class TextTerms {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    private static final Pattern E_MAIL = Pattern.compile("(?i)\\be-mail");

    private TextTerms() {
    }

    /** Spelling variants that the analyzer would split ("e-mail" → "email"). */
    static String normalize(String text) {
        // most texts have no "e-mail": find a hyphen before running the pattern
        return text.indexOf('-') < 0 ? text : E_MAIL.matcher(text).replaceAll("email");
    }

    static Analyzer analyzer() {
        return ANALYZER;
    }

    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("text", normalize(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
