package org.deepfact.engine.tensor;

import java.util.Arrays;

/**
 * An immutable, validated set of tensor entries (i_1, ..., i_N, value), 0-based, in the order
 * given. Construction rejects an index tuple of the wrong length, an index out of range in any
 * mode, a non-finite value and a duplicate position, each with a message naming the entry.
 */
public final class TensorEntries {

    private final TensorShape shape;
    /** Entry k's index in mode n is index[k * N + n]. */
    private final int[] index;
    private final double[] values;

    private TensorEntries(TensorShape shape, int[] index, double[] values) {
        this.shape = shape;
        this.index = index;
        this.values = values;
    }

    /**
     * @param indices one index tuple per entry, each of length N
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static TensorEntries of(TensorShape shape, int[][] indices, double[] values) {
        if (shape == null || indices == null || values == null) {
            throw new IllegalArgumentException("Shape, indices and values must be given");
        }
        int order = shape.order();
        if (indices.length != values.length) {
            throw new IllegalArgumentException("Got " + indices.length + " index tuples but " + values.length
                    + " values");
        }
        int[] flat = new int[indices.length * order];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] == null || indices[k].length != order) {
                throw new IllegalArgumentException("Entry " + k + " has " + (indices[k] == null ? 0 : indices[k].length)
                        + " indices but the tensor " + shape + " has order " + order);
            }
            System.arraycopy(indices[k], 0, flat, k * order, order);
        }
        return ofFlat(shape, flat, values);
    }

    /**
     * @param flatIndex entry k's index in mode n at flatIndex[k * N + n]
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static TensorEntries ofFlat(TensorShape shape, int[] flatIndex, double[] values) {
        if (shape == null || flatIndex == null || values == null) {
            throw new IllegalArgumentException("Shape, indices and values must be given");
        }
        int order = shape.order();
        if (flatIndex.length != (long) values.length * order) {
            throw new IllegalArgumentException("Order mismatch: " + flatIndex.length + " indices for "
                    + values.length + " entries of an order-" + order + " tensor (expected "
                    + (long) values.length * order + ")");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("No entries: at least one is needed");
        }
        int[] linear = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            for (int n = 0; n < order; n++) {
                int i = flatIndex[k * order + n];
                if (i < 0 || i >= shape.dim(n)) {
                    throw new IllegalArgumentException("Entry " + k + ": index " + i + " in mode " + (n + 1)
                            + " (i_" + (n + 1) + ") is out of range [0, " + (shape.dim(n) - 1) + "]");
                }
            }
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("Entry " + k + " at " + position(flatIndex, k, order) + ": value "
                        + values[k] + " is not a finite number");
            }
            linear[k] = shape.linear(flatIndex, k * order);
        }
        checkNoDuplicates(linear, flatIndex, order);
        return new TensorEntries(shape, flatIndex.clone(), values.clone());
    }

    private static void checkNoDuplicates(int[] linear, int[] flatIndex, int order) {
        long[] keyed = new long[linear.length];
        for (int k = 0; k < linear.length; k++) {
            keyed[k] = ((long) linear[k] << 31) | k; // sort by position, then by entry number
        }
        Arrays.sort(keyed);
        for (int k = 1; k < keyed.length; k++) {
            if (keyed[k] >>> 31 == keyed[k - 1] >>> 31) {
                int first = (int) (keyed[k - 1] & Integer.MAX_VALUE);
                int second = (int) (keyed[k] & Integer.MAX_VALUE);
                throw new IllegalArgumentException("Entries " + first + " and " + second + " both observe position "
                        + position(flatIndex, second, order));
            }
        }
    }

    private static String position(int[] flatIndex, int k, int order) {
        StringBuilder b = new StringBuilder("(");
        for (int n = 0; n < order; n++) {
            b.append(n == 0 ? "" : ", ").append(flatIndex[k * order + n]);
        }
        return b.append(')').toString();
    }

    public TensorShape shape() {
        return shape;
    }

    /** @return the number of entries */
    public int size() {
        return values.length;
    }

    /** @return entry k's index in mode n (0-based) */
    public int index(int k, int n) {
        return index[k * shape.order() + n];
    }

    public double value(int k) {
        return values[k];
    }

    /** @return the row-major linear position of entry k */
    public int linear(int k) {
        return shape.linear(index, k * shape.order());
    }

    /** @return a copy of the flat index array (entry k, mode n at k * N + n) */
    public int[] flatIndices() {
        return index.clone();
    }

    /** @return a copy of the values */
    public double[] values() {
        return values.clone();
    }

    /** @return the same positions with new values; validated */
    public TensorEntries withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("Expected " + values.length + " values, got " + newValues.length);
        }
        return ofFlat(shape, index, newValues);
    }

    /** @return the mean of value^2 (the observations' mean square) */
    public double meanSquare() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s / values.length;
    }
}
