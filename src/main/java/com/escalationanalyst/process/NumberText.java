package com.escalationanalyst.process;

import java.util.Locale;

/** Numbers as the answers and the report write them where more than one feature needs the same words. */
public final class NumberText {

    private NumberText() {
    }

    /** A rate in percent with two decimals, as the report, its subject and the answers write it: "6.25%". */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** A change of a rate in percentage points, signed: "+0.40 pts", "-1.25 pts". */
    public static String points(double change) {
        return String.format(Locale.ROOT, "%+.2f pts", change);
    }

    /** A p-value with four decimals, "< 0.0001" below that. */
    public static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * An estimate as people say it: whole numbers below 1,000, three significant figures from there
     * (11,234.56 → "11,200"; 987.4 → "987"), with thousands separators.
     */
    public static String about(double value) {
        double rounded = Math.round(value);
        if (Math.abs(rounded) >= 1000) {
            double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(rounded))) - 2);
            rounded = Math.round(rounded / unit) * unit;
        }
        return String.format(Locale.ROOT, "%,.0f", rounded);
    }
}
