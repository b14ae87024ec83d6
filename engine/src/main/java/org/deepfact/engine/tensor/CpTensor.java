package org.deepfact.engine.tensor;

import java.util.Arrays;

/**
 * A tensor in CP form: T = sum_{r=1..R} a_1^r (x) a_2^r (x) ... (x) a_N^r. Factor n is a d_n x R
 * matrix stored row-major (row i holds the i-th entries of the R vectors a_n^r), so
 * T[i_1, ..., i_N] = sum_r prod_n factor_n[i_n, r]. Immutable (copies in and out).
 */
public final class CpTensor {

    private final TensorShape shape;
    private final int components;
    private final double[][] factors;

    /**
     * @param factors factors[n] has d_n * R entries, row-major
     * @throws IllegalArgumentException when the factor count or a factor's size does not fit
     */
    public CpTensor(TensorShape shape, int components, double[][] factors) {
        if (components < 1) {
            throw new IllegalArgumentException("A CP tensor needs at least 1 component, got " + components);
        }
        if (factors.length != shape.order()) {
            throw new IllegalArgumentException("Order mismatch: " + factors.length + " factors for a tensor of order "
                    + shape.order());
        }
        this.shape = shape;
        this.components = components;
        this.factors = new double[factors.length][];
        for (int n = 0; n < factors.length; n++) {
            if (factors[n].length != (long) shape.dim(n) * components) {
                throw new IllegalArgumentException("Factor " + (n + 1) + " has " + factors[n].length
                        + " entries, expected " + shape.dim(n) + " x " + components);
            }
            this.factors[n] = factors[n].clone();
        }
    }

    public TensorShape shape() {
        return shape;
    }

    /** @return R */
    public int components() {
        return components;
    }

    /** @return a copy of factor n (d_n x R, row-major) */
    public double[] factor(int n) {
        return factors[n].clone();
    }

    /** @return the entry at the multi-index idx */
    public double value(int... idx) {
        double sum = 0;
        for (int r = 0; r < components; r++) {
            double p = 1;
            for (int n = 0; n < idx.length; n++) {
                p *= factors[n][idx[n] * components + r];
            }
            sum += p;
        }
        return sum;
    }

    /** @return the dense tensor, row-major (last mode fastest) */
    public double[] full() {
        double[] out = new double[shape.size()];
        fullInto(shape, components, factors, out, new double[(shape.order() - 1) * components]);
        return out;
    }

    /**
     * out = the dense tensor of the given factors, without allocating: for every index of the
     * first N-1 modes the elementwise product of their rows is formed once (work holds the N-1
     * running products), then dotted with every row of the last factor.
     *
     * @param work at least (N - 1) * R doubles
     */
    static void fullInto(TensorShape shape, int rank, double[][] factors, double[] out, double[] work) {
        int order = shape.order();
        int last = shape.dim(order - 1);
        double[] lastFactor = factors[order - 1];
        int[] idx = new int[order]; // one small array per call, not per iteration of training
        int prefixCount = shape.size() / last;
        for (int p = 0; p < prefixCount; p++) {
            // idx[0 .. N-2] = multi-index of p; recompute the running products from the first changed mode
            int changed = 0;
            if (p > 0) {
                int n = order - 2;
                while (++idx[n] == shape.dim(n)) {
                    idx[n] = 0;
                    n--;
                }
                changed = n;
            }
            for (int n = changed; n < order - 1; n++) {
                double[] f = factors[n];
                int row = idx[n] * rank;
                int w = n * rank;
                if (n == 0) {
                    System.arraycopy(f, row, work, 0, rank);
                } else {
                    int prev = (n - 1) * rank;
                    for (int r = 0; r < rank; r++) {
                        work[w + r] = work[prev + r] * f[row + r];
                    }
                }
            }
            int q = (order - 2) * rank;
            int base = p * last;
            for (int i = 0; i < last; i++) {
                int row = i * rank;
                double s = 0;
                for (int r = 0; r < rank; r++) {
                    s += work[q + r] * lastFactor[row + r];
                }
                out[base + i] = s;
            }
        }
    }

    /** @return ||a_1^r|| ... ||a_N^r|| for every r: the Frobenius norm of component r */
    public double[] componentNorms() {
        double[] out = new double[components];
        componentNormsInto(shape, components, factors, out);
        return out;
    }

    static void componentNormsInto(TensorShape shape, int rank, double[][] factors, double[] out) {
        Arrays.fill(out, 1.0);
        for (int n = 0; n < shape.order(); n++) {
            double[] f = factors[n];
            for (int r = 0; r < rank; r++) {
                double s = 0;
                for (int i = 0; i < shape.dim(n); i++) {
                    double v = f[i * rank + r];
                    s += v * v;
                }
                out[r] *= Math.sqrt(s);
            }
        }
    }
}
