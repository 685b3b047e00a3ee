package com.escalationanalyst.csv;

/**
 * One reason a file was refused. {@code line} is the physical line in the file (header = 1);
 * {@code column} is null when the problem is not about one column (e.g. wrong number of fields).
 */
public record ImportError(long line, String column, String message) {
}
