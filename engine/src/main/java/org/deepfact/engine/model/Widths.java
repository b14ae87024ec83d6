package org.deepfact.engine.model;

import java.util.Arrays;

/**
 * The layer dimensions of a depth-N factorization W = W_N ... W_1 of a rows x cols matrix:
 * dims[0] = cols, dims[j] = width of hidden layer j, dims[N] = rows, and factor W_j is
 * dims[j] x dims[j-1]. The default (the authors') makes every hidden width equal to cols.
 */
public final class Widths {

    private Widths() {
    }

    /**
     * @param hidden the N-1 hidden widths, or null for the default (all = cols)
     * @return dims of length depth + 1
     * @throws IllegalArgumentException when depth &lt; 1, the shape is not positive, the number of
     *         hidden widths is not depth - 1 or a width is &lt; 1
     */
    public static int[] resolve(int rows, int cols, int depth, int[] hidden) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Matrix shape must be positive, got " + rows + " x " + cols);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("Depth must be >= 1, got " + depth);
        }
        int[] dims = new int[depth + 1];
        dims[0] = cols;
        dims[depth] = rows;
        if (hidden == null) {
            Arrays.fill(dims, 1, depth, cols);
            return dims;
        }
        if (hidden.length != depth - 1) {
            throw new IllegalArgumentException("Depth " + depth + " needs " + (depth - 1) + " hidden widths, got "
                    + hidden.length + " " + Arrays.toString(hidden));
        }
        for (int j = 0; j < hidden.length; j++) {
            if (hidden[j] < 1) {
                throw new IllegalArgumentException("Hidden width " + (j + 1) + " must be >= 1, got " + hidden[j]);
            }
            dims[j + 1] = hidden[j];
        }
        return dims;
    }

    /** The largest number of elements one Java array (so one EJML matrix) holds. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * @throws IllegalArgumentException naming the first factor W_j whose dims[j] x dims[j-1]
     *         entries do not fit one Java array (the default hidden width is cols, so a wide
     *         matrix needs a smaller width)
     */
    public static void requireFits(int[] dims) {
        for (int j = 1; j < dims.length; j++) {
            long entries = (long) dims[j] * dims[j - 1];
            if (entries > MAX_ARRAY) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "Factor W_%d would be %d x %d = %.3g entries, more than one Java array holds (%d); "
                                + "use smaller hidden widths (they default to the number of columns, %d)",
                        j, dims[j], dims[j - 1], (double) entries, MAX_ARRAY, dims[0]));
            }
        }
    }

    /** @return the number of factor parameters, sum_j dims[j] dims[j-1] */
    public static long parameters(int[] dims) {
        long n = 0;
        for (int j = 1; j < dims.length; j++) {
            n = Math.addExact(n, Math.multiplyExact((long) dims[j], dims[j - 1]));
        }
        return n;
    }
}
