package com.escalationanalyst.dataimport;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote, line
 * breaks (LF, CRLF or CR) allowed inside quotes. Reads record by record and knows the physical
 * line each record starts on, so errors can name it. Blank lines are skipped.
 */
public final class CsvReader implements Closeable {

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} starts on. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    public List<String> next() throws IOException, CsvSyntaxException {
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines
            lineBreak(c);
            c = read();
        }
        if (c == END) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            field.setLength(0);
            if (c == '"') {
                c = quoted();
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != END) {
                    if (c == '"') {
                        throw new CsvSyntaxException(line, "a double quote inside an unquoted field "
                                + "(field " + (fields.size() + 1) + "); quote the whole field and double the quote");
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c == ',') {
                c = read();
                continue;
            }
            if (c != END) {
                lineBreak(c);
            }
            return fields;
        }
    }

    /** Reads a quoted field whose opening quote was consumed; returns the character after it. */
    private int quoted() throws IOException, CsvSyntaxException {
        long start = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new CsvSyntaxException(start, "a quoted field starting on this line is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    field.append('"');
                    continue;
                }
                if (after != ',' && after != '\n' && after != '\r' && after != END) {
                    throw new CsvSyntaxException(line, "unexpected text after a closing double quote");
                }
                return after;
            }
            if (c == '\r' || c == '\n') {
                field.append((char) c);
                if (c == '\r' && peek() == '\n') {
                    field.append((char) read());
                }
                line++;
                continue;
            }
            field.append((char) c);
        }
    }

    /** Finishes a line break that began with c (CRLF is one break). */
    private void lineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
