package com.escalationanalyst.dataimport;

import java.io.CharConversionException;

/** A byte sequence that is not UTF-8, with the physical line it is on. */
public class MalformedUtf8Exception extends CharConversionException {

    private final long line;

    public MalformedUtf8Exception(long line, long byteOffset) {
        super("invalid UTF-8 byte sequence at byte " + byteOffset);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
