package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
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
}
