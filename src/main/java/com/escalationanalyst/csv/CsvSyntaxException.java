package com.escalationanalyst.csv;

/** The file is not well-formed CSV at this line; reading cannot go on past it. */
public class CsvSyntaxException extends Exception {

    private final long line;

    CsvSyntaxException(long line, String message) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
