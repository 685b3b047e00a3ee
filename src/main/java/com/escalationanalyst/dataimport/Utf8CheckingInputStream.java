package com.escalationanalyst.dataimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) and counting lines, so a bad byte is reported
 * with the line it is on. A leading byte-order mark (as Excel writes it) is skipped.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    private long line = 1;
    private long offset;
    private int pending;          // continuation bytes still expected
    private int secondLow = 0x80; // allowed range of the next continuation byte
    private int secondHigh = 0xBF;
    private boolean started;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            if (pending > 0) {
                throw new MalformedUtf8Exception(line, offset);
            }
            return n;
        }
        if (!started && n > 0) {
            started = true;
            if (len >= 3) {
                n = skipByteOrderMark(buffer, off, n);
            }
        }
        for (int i = off; i < off + n; i++) {
            check(buffer[i] & 0xFF);
        }
        return n;
    }

    private int skipByteOrderMark(byte[] buffer, int off, int n) throws IOException {
        if ((buffer[off] & 0xFF) != 0xEF) {
            return n;
        }
        // make sure the three candidate bytes are in the buffer
        while (n < 3) {
            int more = super.read(buffer, off + n, 3 - n);
            if (more < 0) {
                break;
            }
            n += more;
        }
        if (n >= 3 && (buffer[off + 1] & 0xFF) == 0xBB && (buffer[off + 2] & 0xFF) == 0xBF) {
            System.arraycopy(buffer, off + 3, buffer, off, n - 3);
            offset += 3;
            return n - 3;
        }
        return n;
    }

    private void check(int b) throws MalformedUtf8Exception {
        if (pending > 0) {
            if (b < secondLow || b > secondHigh) {
                throw new MalformedUtf8Exception(line, offset);
            }
            secondLow = 0x80;
            secondHigh = 0xBF;
            pending--;
        } else if (b < 0x80) {
            if (b == '\n') {
                line++;
            }
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            secondLow = b == 0xE0 ? 0xA0 : 0x80;  // no overlong three-byte forms
            secondHigh = b == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            secondLow = b == 0xF0 ? 0x90 : 0x80;  // no overlong four-byte forms
            secondHigh = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
            throw new MalformedUtf8Exception(line, offset);
        }
        offset++;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("bytes must be read to be checked");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
