package com.escalationanalyst.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote, line
 * breaks (LF, CRLF or CR) allowed inside quotes. Reads record by record and knows the physical
 * line each record starts on, so errors can name it. Blank lines are skipped.
 * <p>
 * A record is held in memory while it is read, so its size is capped: at most {@code maxFields}
 * fields, each at most {@code maxFieldLength} characters, the fields together at most
 * {@code maxRecordLength}. Reading stops with a {@link CsvSyntaxException} as soon as a cap is
 * passed, before anything more of the input is kept: a file of nothing but commas or one endless
 * field costs a few kilobytes.
 */
public final class CsvReader implements Closeable {

    public static final int DEFAULT_MAX_FIELDS = 200;
    public static final int DEFAULT_MAX_FIELD_LENGTH = 1_000_000;
    public static final int DEFAULT_MAX_RECORD_LENGTH = 4_000_000;

    private static final int END = -1;

    private final Reader in;
    private final int maxFields;
    private final int maxFieldLength;
    private final int maxRecordLength;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private long fieldLine;
    private int fieldNumber;
    private long recordLength;
    private final StringBuilder field = new StringBuilder();

    public CsvReader(Reader in) {
        this(in, DEFAULT_MAX_FIELDS, DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_RECORD_LENGTH);
    }

    public CsvReader(Reader in, int maxFields, int maxFieldLength, int maxRecordLength) {
        if (maxFields < 1 || maxFieldLength < 1 || maxRecordLength < 1) {
            throw new IllegalArgumentException("CSV limits must be at least 1: " + maxFields + " fields, "
                    + maxFieldLength + " characters per field, " + maxRecordLength + " per record");
        }
        this.in = in;
        this.maxFields = maxFields;
        this.maxFieldLength = maxFieldLength;
        this.maxRecordLength = maxRecordLength;
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
        recordLength = 0;
        List<String> fields = new ArrayList<>();
        while (true) {
            field.setLength(0);
            fieldNumber = fields.size() + 1;
            fieldLine = line;
            if (c == '"') {
                c = quoted();
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != END) {
                    if (c == '"') {
                        throw new CsvSyntaxException(line, "a double quote inside an unquoted field "
                                + "(field " + fieldNumber + "); quote the whole field and double the quote");
                    }
                    append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c == ',') {
                if (fields.size() == maxFields) {
                    throw new CsvSyntaxException(recordLine, "has more than " + maxFields + " fields (at most "
                            + maxFields + " are allowed; reading stopped at field " + (maxFields + 1) + ")");
                }
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
                    append('"');
                    continue;
                }
                if (after != ',' && after != '\n' && after != '\r' && after != END) {
                    throw new CsvSyntaxException(line, "unexpected text after a closing double quote");
                }
                return after;
            }
            if (c == '\r' || c == '\n') {
                append((char) c);
                if (c == '\r' && peek() == '\n') {
                    append((char) read());
                }
                line++;
                continue;
            }
            append((char) c);
        }
    }

    /** Adds a character to the field, or stops reading when the field or the record would pass its cap. */
    private void append(char c) throws CsvSyntaxException {
        if (field.length() == maxFieldLength) {
            throw new CsvSyntaxException(fieldLine, "field " + fieldNumber + " is longer than " + maxFieldLength
                    + " characters (at most " + maxFieldLength + " are allowed; reading stopped)");
        }
        if (++recordLength > maxRecordLength) {
            throw new CsvSyntaxException(recordLine, "is longer than " + maxRecordLength + " characters (at most "
                    + maxRecordLength + " are allowed; reading stopped in field " + fieldNumber + ")");
        }
        field.append(c);
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
