package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CheckingInputStreamTest {

    private static byte[] readAll(byte[] input) throws IOException {
        try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(input))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[3]; // small reads cross character boundaries
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @Test
    void wellFormedTextPassesUnchanged() throws IOException {
        byte[] text = "Zoë, 東京, 😀\nline two".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(text)).isEqualTo(text);
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        byte[] withBom = bytes(0xEF, 0xBB, 0xBF, 'a', ',', 'b');
        assertThat(new String(readAll(withBom), StandardCharsets.UTF_8)).isEqualTo("a,b");
    }

    @Test
    void latin1ByteIsReportedOnItsLine() {
        // "ok\nok\ncaf" + 0xE9 (é in Latin-1) + "\n": the bad byte is on line 3
        byte[] latin1 = bytes('o', 'k', '\n', 'o', 'k', '\n', 'c', 'a', 'f', 0xE9, '\n');
        assertThatThrownBy(() -> readAll(latin1))
                .isInstanceOfSatisfying(MalformedUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void overlongSurrogateAndTruncatedSequencesAreRefused() {
        assertThatThrownBy(() -> readAll(bytes(0xC0, 0xAF))).isInstanceOf(MalformedUtf8Exception.class);
        assertThatThrownBy(() -> readAll(bytes(0xE0, 0x80, 0xAF))).isInstanceOf(MalformedUtf8Exception.class);
        assertThatThrownBy(() -> readAll(bytes(0xED, 0xA0, 0x80))).isInstanceOf(MalformedUtf8Exception.class);
        assertThatThrownBy(() -> readAll(bytes(0xF4, 0x90, 0x80, 0x80))).isInstanceOf(MalformedUtf8Exception.class);
        assertThatThrownBy(() -> readAll(bytes('a', 0xE2, 0x82))).isInstanceOf(MalformedUtf8Exception.class);
    }
}
