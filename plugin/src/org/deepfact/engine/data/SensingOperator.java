package org.deepfact.engine.data;

import java.util.SplittableRandom;

import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;

/**
 * The linear measurement operator of matrix sensing, y_i = &lt;A_i, W&gt;, i = 1..m, with A_i
 * having i.i.d. N(0, 1/(rows*cols)) entries (1/n^2 for n x n, as the authors).
 *
 * <p>Each A_i is generated from its own seed (drawn in order from one SplittableRandom seeded
 * with the operator's seed), entries in row-major order. Small operators are generated once
 * and stored; large ones ({@code m * rows * cols > }{@link #STORE_LIMIT} doubles, i.e. more
 * than 256 MiB) are regenerated on every use. Both modes give bit-identical numbers because
 * they run the same generator and the same arithmetic. Immutable and thread-safe; the
 * regenerating paths take a caller-owned scratch array so they allocate nothing.
 */
public final class SensingOperator {

    /** Largest number of stored doubles (2^25 = 256 MiB; the paper's 100 x 100, m = 2000 needs 2e7). */
    public static final long STORE_LIMIT = 1L << 25;

    /** Where A_i live. */
    public enum Storage {
        /** Store when m * rows * cols &lt;= {@link #STORE_LIMIT}, otherwise regenerate. */
        AUTO,
        /** Generate once, keep in memory. */
        STORED,
        /** Regenerate from the per-measurement seeds on every use. */
        REGENERATED
    }

    private final int rows;
    private final int cols;
    private final long seed;
    private final long[] seeds;
    private final double scale;
    /** m * rows * cols entries, A_i at offset i * rows * cols; null when regenerating. */
    private final double[] stored;

    private SensingOperator(int rows, int cols, long seed, long[] seeds, double[] stored) {
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
        this.seeds = seeds;
        this.scale = 1 / Math.sqrt((double) rows * cols);
        this.stored = stored;
    }

    /** Gaussian operator with automatic storage choice. */
    public static SensingOperator gaussian(int rows, int cols, int m, long seed) {
        return gaussian(rows, cols, m, seed, Storage.AUTO);
    }

    /**
     * @throws IllegalArgumentException when the shape or m is not positive, or STORED is requested
     *         beyond what a Java array can hold
     */
    public static SensingOperator gaussian(int rows, int cols, int m, long seed, Storage storage) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Matrix shape must be positive, got " + rows + " x " + cols);
        }
        if (m < 1) {
            throw new IllegalArgumentException("Number of sensing measurements must be >= 1, got " + m);
        }
        long size = (long) m * rows * cols;
        boolean store = storage == Storage.STORED || (storage == Storage.AUTO && size <= STORE_LIMIT);
        if (store && size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Cannot store " + m + " sensing matrices of " + rows + " x " + cols
                    + " (" + size + " doubles): use REGENERATED storage");
        }
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[m];
        for (int i = 0; i < m; i++) {
            seeds[i] = root.nextLong();
        }
        SensingOperator op = new SensingOperator(rows, cols, seed, seeds, null);
        if (!store) {
            return op;
        }
        int n2 = rows * cols;
        double[] all = new double[(int) size];
        double[] tmp = new double[n2];
        for (int i = 0; i < m; i++) {
            op.generate(i, tmp);
            System.arraycopy(tmp, 0, all, i * n2, n2);
        }
        return new SensingOperator(rows, cols, seed, seeds, all);
    }

    private void generate(int i, double[] out) {
        SplittableRandom rng = new SplittableRandom(seeds[i]);
        int n2 = rows * cols;
        for (int k = 0; k < n2; k++) {
            out[k] = rng.nextGaussian() * scale;
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return number of measurements m */
    public int size() {
        return seeds.length;
    }

    /** @return the seed the operator was generated from */
    public long seed() {
        return seed;
    }

    /** @return true when the A_i are held in memory */
    public boolean isStored() {
        return stored != null;
    }

    /** @return a new rows x cols copy of A_i */
    public DMatrixRMaj matrix(int i) {
        checkIndex(i);
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        if (stored != null) {
            System.arraycopy(stored, i * rows * cols, a.data, 0, rows * cols);
        } else {
            generate(i, a.data);
        }
        return a;
    }

    /** @return a new array y with y_i = &lt;A_i, w&gt; */
    public double[] measure(DMatrixRMaj w) {
        double[] y = new double[size()];
        measure(w, y, stored == null ? new double[rows * cols] : null);
        return y;
    }

    /**
     * Writes y_i = &lt;A_i, w&gt; into {@code out} without allocating (same numbers as
     * {@link #measure(DMatrixRMaj)}).
     *
     * @param out array of at least m doubles
     * @param scratch array of rows*cols doubles used when regenerating (may be null when stored)
     */
    public void measure(DMatrixRMaj w, double[] out, double[] scratch) {
        checkShape(w);
        checkLength(out, "output");
        int n2 = rows * cols;
        for (int i = 0; i < size(); i++) {
            out[i] = Rows.dot(slice(i, scratch), offset(i), w.data, 0, n2);
        }
    }

    /**
     * The adjoint map: overwrites {@code out} with sum_i r_i A_i, accumulated in the order
     * i = 1..m, entry by entry (the order of {@link #residualAndAdjoint}).
     *
     * @param r array of at least m coefficients
     * @param scratch array of rows*cols doubles used when regenerating (may be null when stored)
     */
    public void adjoint(double[] r, DMatrixRMaj out, double[] scratch) {
        checkShape(out);
        checkLength(r, "coefficient");
        int n2 = rows * cols;
        double[] g = out.data;
        java.util.Arrays.fill(g, 0, n2, 0.0);
        for (int i = 0; i < size(); i++) {
            Rows.axpy(r[i], slice(i, scratch), offset(i), g, 0, n2);
        }
    }

    /**
     * One fused pass for the sensing loss and gradient: r_i = &lt;A_i, w&gt; - y_i and
     * grad = coeff * sum_i r_i A_i (grad is overwritten).
     *
     * @param scratch array of rows*cols doubles used when regenerating (may be null when stored)
     * @return sum_i r_i^2
     */
    public double residualAndAdjoint(DMatrixRMaj w, double[] y, double coeff, DMatrixRMaj grad, double[] scratch) {
        checkShape(w);
        checkShape(grad);
        if (y.length != size()) {
            throw new IllegalArgumentException("Expected " + size() + " measurements, got " + y.length);
        }
        int n2 = rows * cols;
        double[] g = grad.data;
        java.util.Arrays.fill(g, 0, n2, 0.0);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double[] a = slice(i, scratch);
            int off = offset(i);
            double r = Rows.dot(a, off, w.data, 0, n2) - y[i];
            sum += r * r;
            Rows.axpy(coeff * r, a, off, g, 0, n2);
        }
        return sum;
    }

    /** @return sum_i (&lt;A_i, w&gt; - y_i)^2 without a gradient */
    public double residualSquares(DMatrixRMaj w, double[] y, double[] scratch) {
        checkShape(w);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = Rows.dot(slice(i, scratch), offset(i), w.data, 0, rows * cols) - y[i];
            sum += r * r;
        }
        return sum;
    }

    private double[] slice(int i, double[] scratch) {
        if (stored != null) {
            return stored;
        }
        if (scratch == null || scratch.length < rows * cols) {
            throw new IllegalArgumentException("A scratch array of " + rows * cols + " doubles is needed");
        }
        generate(i, scratch);
        return scratch;
    }

    private int offset(int i) {
        return stored != null ? i * rows * cols : 0;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("Measurement index " + i + " is out of range [0, " + (size() - 1) + "]");
        }
    }

    private void checkLength(double[] v, String what) {
        if (v.length < size()) {
            throw new IllegalArgumentException("Expected " + size() + " " + what + " values, got an array of "
                    + v.length);
        }
    }

    private void checkShape(DMatrixRMaj w) {
        if (w.numRows != rows || w.numCols != cols) {
            throw new IllegalArgumentException("Sensing operator is for " + rows + " x " + cols + " matrices, got "
                    + w.numRows + " x " + w.numCols);
        }
    }
}
