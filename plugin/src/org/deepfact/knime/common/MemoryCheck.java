package org.deepfact.knime.common;

import java.util.Locale;

import org.deepfact.engine.Bytes;

/**
 * Checks, before a node allocates, that the Java heap can hold what it is about to allocate:
 * needed bytes are compared with free + not yet allocated heap (max - total + free).
 */
public final class MemoryCheck {

    private MemoryCheck() {
    }

    /** @return bytes of {@code copies} dense double matrices of the given shape */
    public static long matrixBytes(final long rows, final long cols, final int copies) {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(rows, cols), 8L), (long)copies);
    }

    /**
     * @param rows matrix rows
     * @param cols matrix columns
     * @param copies how many such matrices (including workspaces) will be alive at once
     * @param what what is being allocated, e.g. "the ground-truth matrix"
     * @throws InsufficientMemoryException naming needed vs available bytes and the shape
     */
    public static void requireMatrices(final long rows, final long cols, final int copies, final String what)
        throws InsufficientMemoryException {
        final long needed;
        try {
            needed = matrixBytes(rows, cols, copies);
        } catch (ArithmeticException e) {
            throw new InsufficientMemoryException("Cannot allocate " + what + " of " + rows + " x " + cols
                + ": the size overflows 64-bit arithmetic");
        }
        check(needed, available(), what + " (" + copies + " x " + rows + " x " + cols + " doubles)");
    }

    /**
     * @param bytes bytes about to be allocated
     * @param what what is being allocated, e.g. "1000 observed entries"
     * @throws InsufficientMemoryException naming needed vs available bytes
     */
    public static void requireBytes(final long bytes, final String what) throws InsufficientMemoryException {
        check(bytes, available(), what);
    }

    /** @return bytes the heap can still provide: free + not yet allocated */
    public static long available() {
        final Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - rt.totalMemory() + rt.freeMemory();
    }

    static void check(final long needed, final long available, final String what)
        throws InsufficientMemoryException {
        if (needed > available) {
            throw new InsufficientMemoryException(String.format(Locale.ROOT,
                "Not enough memory for %s: needs %s, only %s of Java heap available. "
                    + "Reduce the size or increase -Xmx in knime.ini.",
                what, Bytes.human(needed), Bytes.human(available)));
        }
    }
}
