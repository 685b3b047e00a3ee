package com.escalationanalyst.knowledge;

import com.escalationanalyst.csv.CsvReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.core.io.ClassPathResource;

/**
 * fixtures/known-issue-heldout.csv (see its .md): notes labelled with the issue they describe (or none), the
 * overlap band and the half they belong to. Scoring is written out here, apart from the matcher: a positive is
 * a true positive when the answer is its issue; any answer to a negative is a false positive.
 */
final class HeldOutNotes {

    static final List<String> POSITIVE_BANDS = List.of("many", "few", "none", "misfiled");
    static final List<String> NEGATIVE_BANDS = List.of("howto", "otherbug", "nearmiss", "ruledout", "asdesigned");

    record Note(String id, String area, String expected, String band, String split, String text) {

        boolean positive() {
            return expected != null;
        }
    }

    /** Counts of one band or of a whole half. */
    static final class Counts {
        int notes;
        int answered;
        int correct;

        double precision() {
            return answered == 0 ? 1 : (double) correct / answered;
        }

        double recall() {
            return notes == 0 ? 0 : (double) correct / notes;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Result(Map<String, Counts> bands, Counts positives, int negatives, int falsePositives, List<String> errors) {

        double precision() {
            int answered = positives.answered + falsePositives;
            return answered == 0 ? 1 : (double) positives.correct / answered;
        }

        double recall() {
            return positives.recall();
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double falsePositiveRate() {
            return (double) falsePositives / negatives;
        }

        String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-11s %5s %9s %9s %6s%n", "band", "notes",
                    "precision", "recall", "F1"));
            for (String band : POSITIVE_BANDS) {
                Counts c = bands.get(band);
                out.append(String.format(Locale.ROOT, "%-11s %5d %9.3f %9.3f %6.3f%n", band, c.notes, c.precision(),
                        c.recall(), c.f1()));
            }
            for (String band : NEGATIVE_BANDS) {
                Counts c = bands.get(band);
                out.append(String.format(Locale.ROOT, "%-11s %5d  false positives %d%n", band, c.notes, c.answered));
            }
            out.append(String.format(Locale.ROOT, "all: precision %.3f, recall %.3f, F1 %.3f; false positives %d of %d "
                    + "negatives (%.1f %%)%n", precision(), recall(), f1(), falsePositives, negatives, 100 * falsePositiveRate()));
            return out.toString();
        }
    }

    private HeldOutNotes() {
    }

    static List<Note> half(String split) throws Exception {
        List<Note> notes = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(
                new ClassPathResource("fixtures/known-issue-heldout.csv").getInputStream(), StandardCharsets.UTF_8))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.get(4).equals(split)) {
                    notes.add(new Note(row.get(0), row.get(1), row.get(2).equals("none") ? null : row.get(2), row.get(3),
                            row.get(4), row.get(5)));
                }
            }
        }
        return notes;
    }

    /** Runs {@code matcher} (text, product area → issue id or null) over the notes. */
    static Result evaluate(List<Note> notes, BiFunction<String, String, String> matcher) {
        Map<String, Counts> bands = new LinkedHashMap<>();
        POSITIVE_BANDS.forEach(b -> bands.put(b, new Counts()));
        NEGATIVE_BANDS.forEach(b -> bands.put(b, new Counts()));
        Counts positives = new Counts();
        int negatives = 0;
        int falsePositives = 0;
        List<String> errors = new ArrayList<>();
        for (Note note : notes) {
            String found = matcher.apply(note.text(), note.area());
            Counts band = bands.get(note.band());
            band.notes++;
            if (found != null) {
                band.answered++;
            }
            if (note.positive()) {
                positives.notes++;
                if (found != null) {
                    positives.answered++;
                }
                if (note.expected().equals(found)) {
                    positives.correct++;
                    band.correct++;
                } else {
                    errors.add(note.id() + " " + note.band() + ": expected " + note.expected() + ", got " + found);
                }
            } else {
                negatives++;
                if (found != null) {
                    falsePositives++;
                    errors.add(note.id() + " " + note.band() + ": expected none, got " + found);
                }
            }
        }
        return new Result(bands, positives, negatives, falsePositives, errors);
    }
}
