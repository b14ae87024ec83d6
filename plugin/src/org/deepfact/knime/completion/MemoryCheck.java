package org.deepfact.knime.completion;

import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;

/**
 * Refuses allocations that would not fit into the Java heap, with a readable message, before
 * they are attempted (an OutOfMemoryError in a KNIME node can take the whole workbench down).
 */
public final class MemoryCheck {

    private MemoryCheck() {
    }

    /** @return bytes the heap can still grow by (max - used) */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @param bytes estimated bytes needed (values &lt; 0 mean overflow, i.e. far too many)
     * @param what what is being allocated, e.g. "completed matrix (943 x 1682)"
     * @throws InvalidSettingsException when {@code bytes} exceeds the available heap
     */
    public static void require(final long bytes, final String what) throws InvalidSettingsException {
        long free = available();
        if (bytes < 0 || bytes > free) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "Not enough memory for the %s: needs about %s, but only %s of the Java heap are available; "
                    + "increase -Xmx in knime.ini or use a smaller problem",
                what, bytes < 0 ? "more than 8 EiB" : human(bytes), human(free)));
        }
    }

    /** @return e.g. "1.5 GiB" */
    static String human(final long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** @return a * b * c with overflow reported as -1 */
    public static long product(final long... factors) {
        long p = 1;
        try {
            for (long f : factors) {
                p = Math.multiplyExact(p, f);
            }
        } catch (ArithmeticException e) {
            return -1;
        }
        return p;
    }
}
