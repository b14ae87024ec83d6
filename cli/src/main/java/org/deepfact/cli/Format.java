package org.deepfact.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the command line writes numbers, clocks and sizes for people (machine output uses Double.toString). */
public final class Format {

    private Format() {
    }

    /** @return e.g. 0.001, 1e-4, 3e-4, 1e9: the shortest exact form, as a person writes it */
    public static String shortest(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        String mantissa = s.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e"
                + s.substring(e + 1);
    }

    /** @return three significant digits in scientific form without padding, e.g. 1.69e-5, 1e-3, NaN */
    public static String sci(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.2e", v).replace("e-0", "e-").replace("e+0", "e+")
                .replace(".00e", "e");
    }

    /** @return e.g. [1e-3, 1e-4] */
    public static String sciList(List<Double> values) {
        return values.stream().map(Format::sci).collect(Collectors.joining(", ", "[", "]"));
    }

    /** @return m:ss or h:mm:ss */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
