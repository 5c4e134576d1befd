package org.dorsal.governance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the report prints them for people: the same on every machine, whatever its locale. */
final class Format {
    private Format() {
    }

    /** 100000 → "100,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 intake", "2 intakes", "0 intakes": the count with the word that goes with it. */
    static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** A share as a percentage: "12.34%", "0.003%" for small ones, "0%" only for none at all. */
    static String percent(double share) {
        double p = share * 100;
        if (p == 0) {
            return "0%";
        }
        if (Math.abs(p) < 0.01) {
            return small(p) + "%";
        }
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    /** A change of share in percentage points, always signed: "+1.20", "-0.05", "0". */
    static String points(double delta) {
        double p = delta * 100;
        if (p == 0) {
            return "0";
        }
        String s = Math.abs(p) < 0.01 ? (p > 0 ? "+" : "") + small(p) : String.format(Locale.ROOT, "%+.2f", p);
        return s.replace('-', '\u2212');
    }

    /** Two significant digits, so that one intake in millions does not print as zero. */
    private static String small(double p) {
        return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** A coordinate: at most one decimal, a dot whatever the locale. */
    static String svgNumber(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
