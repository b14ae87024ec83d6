package org.deepfact.engine.tensor;

import java.util.Arrays;

/**
 * The dimensions d_1 x ... x d_N of an order-N tensor. Entries are addressed 0-based; the dense
 * layout is row-major (the last mode varies fastest), so linear index = ((i_1 d_2 + i_2) d_3 + ...).
 * Immutable.
 */
public final class TensorShape {

    /** Dense tensors (ground truth, completed tensor) are held in one double[]. */
    public static final long MAX_ENTRIES = 50_000_000L;

    private final int[] dims;
    private final long size;

    private TensorShape(int[] dims, long size) {
        this.dims = dims;
        this.size = size;
    }

    /**
     * @throws IllegalArgumentException when the order is below 2, a dimension is below 1, or the
     *         tensor has more than {@link #MAX_ENTRIES} entries
     */
    public static TensorShape of(int... dims) {
        if (dims == null || dims.length < 2) {
            throw new IllegalArgumentException("A tensor needs at least 2 modes, got "
                    + (dims == null ? 0 : dims.length));
        }
        long size = 1;
        for (int n = 0; n < dims.length; n++) {
            if (dims[n] < 1) {
                throw new IllegalArgumentException("Dimension of mode " + (n + 1) + " must be >= 1, got " + dims[n]);
            }
            size *= dims[n];
            if (size > MAX_ENTRIES) {
                throw new IllegalArgumentException("Tensor " + text(dims) + " has more than " + MAX_ENTRIES
                        + " entries; the dense ground truth and completed tensor would not fit");
            }
        }
        return new TensorShape(dims.clone(), size);
    }

    /** @return N */
    public int order() {
        return dims.length;
    }

    /** @param n 0-based mode */
    public int dim(int n) {
        return dims[n];
    }

    /** @return a copy of the dimensions */
    public int[] dims() {
        return dims.clone();
    }

    /** @return the number of entries, d_1 ... d_N (at most {@link #MAX_ENTRIES}) */
    public int size() {
        return (int) size;
    }

    /**
     * The authors' default number of CP components: the largest possible tensor rank bound, the
     * product of all dimensions but the largest (10 x 10 x 10 x 10 gives 1000).
     */
    public int maxRank() {
        int largest = 0;
        for (int n = 1; n < dims.length; n++) {
            if (dims[n] > dims[largest]) {
                largest = n;
            }
        }
        long p = 1;
        for (int n = 0; n < dims.length; n++) {
            if (n != largest) {
                p *= dims[n];
            }
        }
        return (int) Math.min(p, Integer.MAX_VALUE);
    }

    /** @return the row-major linear index of the entry at idx[off .. off + N) (not range-checked) */
    public int linear(int[] idx, int off) {
        int k = 0;
        for (int n = 0; n < dims.length; n++) {
            k = k * dims[n] + idx[off + n];
        }
        return k;
    }

    /** Writes the multi-index of linear index k into out[off .. off + N). */
    public void unravel(int k, int[] out, int off) {
        int rest = k;
        for (int n = dims.length - 1; n >= 0; n--) {
            out[off + n] = rest % dims[n];
            rest /= dims[n];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** @return e.g. "10 x 10 x 10 x 10" */
    @Override
    public String toString() {
        return text(dims);
    }

    private static String text(int[] dims) {
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < dims.length; n++) {
            b.append(n == 0 ? "" : " x ").append(dims[n]);
        }
        return b.toString();
    }
}
