package com.escalationanalyst.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.escalationanalyst.csv.CsvReader;
import com.escalationanalyst.csv.CsvSyntaxException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private record Record(long line, List<String> fields) {
    }

    private static List<Record> read(String csv) throws Exception {
        List<Record> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            List<String> fields;
            while ((fields = reader.next()) != null) {
                records.add(new Record(reader.recordLine(), fields));
            }
        }
        return records;
    }

    @Test
    void recordsKnowTheLineTheyStartOn() throws Exception {
        // line 3 holds a quoted field spanning lines 3-4, so the next record starts on line 5
        String csv = "a,b\n1,2\n\"x\ny\",3\n4,\"q\"\"uote\"\n";
        assertThat(read(csv)).containsExactly(
                new Record(1, List.of("a", "b")),
                new Record(2, List.of("1", "2")),
                new Record(3, List.of("x\ny", "3")),
                new Record(5, List.of("4", "q\"uote")));
    }

    @Test
    void crlfCrAndBlankLinesCountAsLines() throws Exception {
        String csv = "a,b\r\n\r\n1,2\r3,4\n5,";
        assertThat(read(csv)).containsExactly(
                new Record(1, List.of("a", "b")),
                new Record(3, List.of("1", "2")),
                new Record(4, List.of("3", "4")),
                new Record(5, List.of("5", "")));
    }

    @Test
    void emptyFieldsAndLastLineWithoutBreak() throws Exception {
        assertThat(read(",,\n\"\",x")).containsExactly(
                new Record(1, List.of("", "", "")),
                new Record(2, List.of("", "x")));
    }

    @Test
    void unclosedQuoteNamesTheLineItOpensOn() {
        assertThatThrownBy(() -> read("a\n\"never\nclosed\n"))
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("never closed");
    }

    @Test
    void quoteInsideUnquotedFieldIsRefused() {
        assertThatThrownBy(() -> read("a,b\n1,2\"3\n"))
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("field 2");
    }

    @Test
    void textAfterClosingQuoteIsRefused() {
        assertThatThrownBy(() -> read("a,b\n\"1\"x,2\n"))
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    /**
     * A prefix, then one character repeated for ever: made up as it is read, so the test holds none of it.
     * {@code consumed} tells how much the reader under test asked for.
     */
    private static final class EndlessReader extends Reader {

        private final String prefix;
        private final char repeated;
        long consumed;

        EndlessReader(String prefix, char repeated) {
            this.prefix = prefix;
            this.repeated = repeated;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++, consumed++) {
                buffer[offset + i] = consumed < prefix.length() ? prefix.charAt((int) consumed) : repeated;
            }
            return length;
        }

        @Override
        public void close() {
        }
    }

    /** Reads records until the reader gives up; fails the test if it is still reading after 20 seconds. */
    private static CsvSyntaxException refusal(CsvReader reader) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                while (reader.next() != null) {
                    // keep reading: the endless record must be refused, not returned
                }
            } catch (CsvSyntaxException e) {
                return e;
            }
            throw new AssertionError("the endless input ended");
        });
    }

    @Test
    void endlessCommasStopAtTheFieldCapWithTheLine() {
        // header (line 1), one good line (2), then line 3 is nothing but commas
        EndlessReader commas = new EndlessReader("a,b\n1,2\n", ',');
        CsvSyntaxException e = refusal(new CsvReader(commas));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("has more than 200 fields (at most 200 are allowed; reading stopped at field 201)");
        // stopped within one 64 Ki-character buffer of the input: nothing beyond the 200 fields was kept
        assertThat(commas.consumed).isLessThanOrEqualTo(2 * 65_536);
    }

    @Test
    void anEndlessFieldStopsAtTheLengthCapWithLineAndFieldNumber() {
        EndlessReader text = new EndlessReader("a,b,c\n1,2,3\nx,y,", 'z');
        CsvSyntaxException e = refusal(new CsvReader(text, 10, 5_000, 1_000_000));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("field 3 is longer than 5000 characters (at most 5000 are allowed; reading stopped)");
        assertThat(text.consumed).isLessThanOrEqualTo(2 * 65_536);
    }

    @Test
    void anEndlessQuotedFieldIsCutAtTheDefaultCapOnTheLineItStarts() {
        // the quoted field starts on line 2 and runs over line breaks for ever
        EndlessReader quoted = new EndlessReader("a,b\n1,\"", '\n');
        CsvSyntaxException e = refusal(new CsvReader(quoted));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("field 2 is longer than 1000000 characters (at most 1000000 are allowed; "
                + "reading stopped)");
        assertThat(quoted.consumed).isLessThanOrEqualTo(1_000_000 + 2 * 65_536);
    }

    @Test
    void aRecordLongerThanItsCapIsRefusedWhereItPassesIt() throws Exception {
        // three fields of 40 characters fit in 100 only up to the 21st character of field 3
        String forty = "x".repeat(40);
        String csv = "a,b,c\n" + forty + "," + forty + "," + forty + "\n";
        CsvReader reader = new CsvReader(new StringReader(csv), 10, 50, 100);
        assertThat(reader.next()).containsExactly("a", "b", "c");
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(CsvSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("is longer than 100 characters (at most 100 are allowed; reading stopped in field 3)");
    }

    @Test
    void recordsAtTheCapsAreRead() throws Exception {
        // exactly 3 fields of exactly 4 characters with caps 3 and 4: nothing is refused
        assertThat(readWith("abcd,efgh,ijkl\n\"mn\"\"o\",p,q\n", 3, 4, 12)).containsExactly(
                new Record(1, List.of("abcd", "efgh", "ijkl")),
                new Record(2, List.of("mn\"o", "p", "q")));
        assertThatThrownBy(() -> readWith("a,b,c,d\n", 3, 4, 12)).isInstanceOf(CsvSyntaxException.class)
                .hasMessage("has more than 3 fields (at most 3 are allowed; reading stopped at field 4)");
        assertThatThrownBy(() -> readWith("a,abcde\n", 3, 4, 12)).isInstanceOf(CsvSyntaxException.class)
                .hasMessage("field 2 is longer than 4 characters (at most 4 are allowed; reading stopped)");
    }

    private static List<Record> readWith(String csv, int maxFields, int maxFieldLength, int maxRecordLength)
            throws Exception {
        List<Record> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv), maxFields, maxFieldLength, maxRecordLength)) {
            List<String> fields;
            while ((fields = reader.next()) != null) {
                records.add(new Record(reader.recordLine(), fields));
            }
        }
        return records;
    }
}
