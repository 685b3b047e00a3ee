package com.escalationanalyst.analysis;

/** Whole numbers in request parameters (pages, sizes), refused with the parameter's name when out of bounds. */
public final class RequestNumbers {

    private RequestNumbers() {
    }

    /** {@code absent} for a missing or blank text; otherwise the number, which must lie in [min, max]. */
    public static int wholeNumber(String field, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AnalysisRequestException(field, "'" + text + "' must be a whole number from " + min + " to " + max);
    }
}
