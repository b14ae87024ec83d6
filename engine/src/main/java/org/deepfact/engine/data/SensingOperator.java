package org.deepfact.engine.data;

import java.util.SplittableRandom;

import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;

/**
 * The linear measurement operator of matrix sensing, y_i = &lt;A_i, W&gt;, i = 1..m, in one of
 * three {@link Kind}s:
 * <ul>
 * <li>{@link #gaussian}: A_i with i.i.d. N(0, 1/(rows*cols)) entries (1/n^2 for n x n, as the
 * authors);</li>
 * <li>{@link #symmetricGaussian}: A_i = (B_i + B_i^T)/2 with B_i an n x n matrix of i.i.d.
 * N(0, 1/n^2) entries (the Gaussian kind's scale), so the diagonal entries have variance
 * 1/n^2 and the off-diagonal ones 1/(2n^2) (Gunasekar et al., NeurIPS 2017, symmetric
 * sensing);</li>
 * <li>{@link #commuting}: A_i = Q D_i Q^T with one Haar-random orthogonal Q shared by all A_i
 * and D_i diagonal with i.i.d. N(0, 1/n) entries, so the A_i commute pairwise (the case in
 * which Gunasekar et al. prove that gradient descent on U U^T from a small init reaches the
 * minimum-trace PSD solution). The 1/n variance gives E||A_i||_F^2 = n * 1/n = 1, as for the
 * Gaussian kind (n^2 * 1/n^2), so a truth with unit-RMS entries gives O(1) measurements. The
 * A_i span only the n-dimensional space of matrices diagonal in Q's basis: more than n
 * measurements add no information.</li>
 * </ul>
 *
 * <p>Each A_i is generated from its own seed (drawn in order from one SplittableRandom seeded
 * with the operator's seed), entries in row-major order; the commuting kind draws one more seed
 * after the m, for Q, and keeps Q and the m diagonals (n^2 + m n doubles) in every mode. Small
 * operators are generated once
 * and stored, one array per A_i; large ones ({@code m * rows * cols > }{@link #STORE_LIMIT}
 * doubles, i.e. more than 256 MiB) are regenerated on every use. Both modes give bit-identical
 * numbers because they run the same generator and the same arithmetic (regenerating a
 * commuting A_i costs n^3 multiply-adds, so large commuting operators are slow).
 *
 * <p><b>Speed.</b> Every pass streams all m A_i from memory (160 MB at 100 x 100, m = 2000), so
 * memory traffic decides the time. The passes go over the A_i in blocks of {@value #BLOCK}: the
 * block's inner products are computed together (one read of W per block), and
 * the gradient update adds the block's four terms to each entry in one sweep, while the block's
 * A_i are still in cache; {@link #residualAndAdjoint} and {@link #measureAndAdjoint} read (or
 * regenerate) each A_i once per call. The arithmetic per measurement is fixed whatever the
 * blocking: each &lt;A_i, W&gt; is {@link Rows#dot}'s eight-way partial-sum fma dot product,
 * and every entry of sum_i c_i A_i is an fma chain in the order i = 1..m, so the numbers equal
 * those of one-measurement-at-a-time loops, bit for bit.
 *
 * <p>Immutable and thread-safe; the passes take a caller-owned {@link Workspace} so they
 * allocate nothing.
 */
public final class SensingOperator {

    /** Largest number of stored doubles (2^25 = 256 MiB; the paper's 100 x 100, m = 2000 needs 2e7). */
    public static final long STORE_LIMIT = 1L << 25;

    /** Measurements per block of a pass. */
    static final int BLOCK = 4;

    /** Where A_i live. */
    public enum Storage {
        /** Store when m * rows * cols &lt;= {@link #STORE_LIMIT}, otherwise regenerate. */
        AUTO,
        /** Generate once, keep in memory. */
        STORED,
        /** Regenerate from the per-measurement seeds on every use. */
        REGENERATED
    }

    /** How the A_i are drawn (see the class comment). */
    public enum Kind {
        /** i.i.d. N(0, 1/(rows*cols)) entries. */
        GAUSSIAN,
        /** (B + B^T)/2 of a Gaussian B with N(0, 1/n^2) entries. */
        SYMMETRIC_GAUSSIAN,
        /** Q D_i Q^T, one Haar-random orthogonal Q, D_i with N(0, 1/n) diagonal entries. */
        COMMUTING
    }

    /**
     * Turns a measurement &lt;A_i, X&gt; into the coefficient of A_i in the adjoint half of
     * {@link #measureAndAdjoint}. Called once per measurement, in the order i = 1..m.
     */
    @FunctionalInterface
    public interface Coefficients {
        /**
         * @param i measurement index
         * @param measured &lt;A_i, X&gt;
         * @return c_i, the weight of A_i in the adjoint sum
         */
        double of(int i, double measured);
    }

    /**
     * Per-caller scratch of the passes: room to regenerate one block of A_i (empty for stored
     * operators) and the block's inner products. Not thread-safe; one per thread.
     */
    public static final class Workspace {
        private final double[][] rows;
        private final double[] dots = new double[BLOCK];

        private Workspace(int count, int length) {
            rows = new double[count][length];
        }
    }

    private final Kind kind;
    private final int rows;
    private final int cols;
    private final long seed;
    private final long[] seeds;
    private final double scale;
    /** The commuting kind's Q (n x n, orthogonal) and the diagonals of the D_i (m x n); null otherwise. */
    private final DMatrixRMaj basis;
    private final double[][] diagonals;
    /** A_i in stored[i] (rows*cols doubles, row-major); null when regenerating. */
    private final double[][] stored;

    private SensingOperator(Kind kind, int rows, int cols, long seed, long[] seeds, double scale, DMatrixRMaj basis,
            double[][] diagonals, double[][] stored) {
        this.kind = kind;
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
        this.seeds = seeds;
        this.scale = scale;
        this.basis = basis;
        this.diagonals = diagonals;
        this.stored = stored;
    }

    /** Gaussian operator with automatic storage choice. */
    public static SensingOperator gaussian(int rows, int cols, int m, long seed) {
        return gaussian(rows, cols, m, seed, Storage.AUTO);
    }

    /**
     * @throws IllegalArgumentException when the shape or m is not positive, or one A_i has more
     *         entries than a Java array can hold
     */
    public static SensingOperator gaussian(int rows, int cols, int m, long seed, Storage storage) {
        return build(Kind.GAUSSIAN, rows, cols, m, seed, storage);
    }

    /** Symmetric Gaussian operator on n x n matrices with automatic storage choice. */
    public static SensingOperator symmetricGaussian(int n, int m, long seed) {
        return symmetricGaussian(n, m, seed, Storage.AUTO);
    }

    /**
     * A_i = (B_i + B_i^T)/2, B_i with i.i.d. N(0, 1/n^2) entries: diagonal variance 1/n^2,
     * off-diagonal 1/(2n^2).
     *
     * @throws IllegalArgumentException as {@link #gaussian(int, int, int, long, Storage)}
     */
    public static SensingOperator symmetricGaussian(int n, int m, long seed, Storage storage) {
        return build(Kind.SYMMETRIC_GAUSSIAN, n, n, m, seed, storage);
    }

    /** Commuting operator on n x n matrices with automatic storage choice. */
    public static SensingOperator commuting(int n, int m, long seed) {
        return commuting(n, m, seed, Storage.AUTO);
    }

    /**
     * A_i = Q D_i Q^T: Q Haar-random orthogonal (one for all i), D_i diagonal with i.i.d.
     * N(0, 1/n) entries; the A_i commute pairwise.
     *
     * @throws IllegalArgumentException as {@link #gaussian(int, int, int, long, Storage)}
     */
    public static SensingOperator commuting(int n, int m, long seed, Storage storage) {
        return build(Kind.COMMUTING, n, n, m, seed, storage);
    }

    private static SensingOperator build(Kind kind, int rows, int cols, int m, long seed, Storage storage) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Matrix shape must be positive, got " + rows + " x " + cols);
        }
        if (m < 1) {
            throw new IllegalArgumentException("Number of sensing measurements must be >= 1, got " + m);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Sensing matrices of " + rows + " x " + cols + " are too large");
        }
        long size = (long) m * rows * cols;
        boolean store = storage == Storage.STORED || (storage == Storage.AUTO && size <= STORE_LIMIT);
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[m];
        for (int i = 0; i < m; i++) {
            seeds[i] = root.nextLong();
        }
        double scale = 1 / Math.sqrt((double) rows * cols);
        DMatrixRMaj basis = null;
        double[][] diagonals = null;
        if (kind == Kind.COMMUTING) {
            scale = 1 / Math.sqrt(rows);
            basis = haarOrthogonal(rows, new SplittableRandom(root.nextLong()));
            diagonals = new double[m][rows];
            for (int i = 0; i < m; i++) {
                SplittableRandom rng = new SplittableRandom(seeds[i]);
                for (int k = 0; k < rows; k++) {
                    diagonals[i][k] = rng.nextGaussian() * scale;
                }
            }
        }
        SensingOperator op = new SensingOperator(kind, rows, cols, seed, seeds, scale, basis, diagonals, null);
        if (!store) {
            return op;
        }
        double[][] all = new double[m][rows * cols];
        for (int i = 0; i < m; i++) {
            op.generate(i, all[i]);
        }
        return new SensingOperator(kind, rows, cols, seed, seeds, scale, basis, diagonals, all);
    }

    /** Haar-distributed orthogonal n x n matrix (GroundTruth's QR of a Gaussian matrix with the sign fix). */
    static DMatrixRMaj haarOrthogonal(int n, SplittableRandom rng) {
        return GroundTruth.orthonormalColumns(GroundTruth.gaussian(n, n, rng));
    }

    private void generate(int i, double[] out) {
        if (kind == Kind.COMMUTING) {
            generateCommuting(diagonals[i], out);
            return;
        }
        SplittableRandom rng = new SplittableRandom(seeds[i]);
        int n2 = rows * cols;
        for (int k = 0; k < n2; k++) {
            out[k] = rng.nextGaussian() * scale;
        }
        if (kind == Kind.SYMMETRIC_GAUSSIAN) {
            for (int r = 0; r < rows; r++) {
                for (int c = r + 1; c < cols; c++) {
                    double v = (out[r * cols + c] + out[c * cols + r]) / 2;
                    out[r * cols + c] = v;
                    out[c * cols + r] = v;
                }
            }
        }
    }

    /** out = Q diag(d) Q^T; the upper triangle is computed and mirrored, so out is exactly symmetric. */
    private void generateCommuting(double[] d, double[] out) {
        int n = rows;
        double[] q = basis.data;
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s = Math.fma(q[r * n + k] * d[k], q[c * n + k], s);
                }
                out[r * n + c] = s;
                out[c * n + r] = s;
            }
        }
    }

    /** @return how the A_i are drawn */
    public Kind kind() {
        return kind;
    }

    /** @return a copy of the commuting kind's common eigenbasis Q (A_i = Q D_i Q^T), null for the other kinds */
    public DMatrixRMaj commonEigenbasis() {
        return basis == null ? null : basis.copy();
    }

    /** @return a copy of the diagonal of D_i (commuting kind), null for the other kinds */
    public double[] eigenvalues(int i) {
        checkIndex(i);
        return diagonals == null ? null : diagonals[i].clone();
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

    /**
     * Doubles an AUTO operator of this size holds at its largest: all A_i when they are stored,
     * otherwise one block of regenerated A_i in a pass's workspace. Lets callers check memory
     * before building the operator. The commuting kind holds n^2 + m n doubles more (Q and the
     * diagonals of the D_i), a small fraction of m n^2.
     */
    public static long heldDoubles(int rows, int cols, int m) {
        long one = (long) rows * cols;
        long all = one * m;
        return all <= STORE_LIMIT ? all : BLOCK * one;
    }

    /** @return scratch for the passes of this operator (one block of A_i when regenerating) */
    public Workspace newWorkspace() {
        return stored != null ? new Workspace(0, 0) : new Workspace(BLOCK, rows * cols);
    }

    /** @return a new rows x cols copy of A_i */
    public DMatrixRMaj matrix(int i) {
        checkIndex(i);
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        if (stored != null) {
            System.arraycopy(stored[i], 0, a.data, 0, rows * cols);
        } else {
            generate(i, a.data);
        }
        return a;
    }

    /** @return a new array y with y_i = &lt;A_i, w&gt; */
    public double[] measure(DMatrixRMaj w) {
        double[] y = new double[size()];
        measure(w, y, newWorkspace());
        return y;
    }

    /**
     * Writes y_i = &lt;A_i, w&gt; into {@code out} without allocating (same numbers as
     * {@link #measure(DMatrixRMaj)}).
     *
     * @param out array of at least m doubles
     */
    public void measure(DMatrixRMaj w, double[] out, Workspace ws) {
        checkShape(w);
        checkLength(out, "output");
        checkWorkspace(ws);
        int m = size();
        for (int i = 0; i < m; i += BLOCK) {
            int count = Math.min(BLOCK, m - i);
            dots(i, count, w.data, ws);
            System.arraycopy(ws.dots, 0, out, i, count);
        }
    }

    /**
     * The adjoint map: overwrites {@code out} with sum_i r_i A_i, accumulated in the order
     * i = 1..m, entry by entry.
     *
     * @param r array of at least m coefficients
     */
    public void adjoint(double[] r, DMatrixRMaj out, Workspace ws) {
        checkShape(out);
        checkLength(r, "coefficient");
        checkWorkspace(ws);
        double[] g = out.data;
        java.util.Arrays.fill(g, 0, rows * cols, 0.0);
        int m = size();
        for (int i = 0; i < m; i += BLOCK) {
            int count = Math.min(BLOCK, m - i);
            for (int j = 0; j < count; j++) {
                block(i, j, ws);
            }
            accumulate(i, count, r, i, g, ws);
        }
    }

    /**
     * One fused pass for the sensing loss and gradient: r_i = &lt;A_i, w&gt; - y_i and
     * grad = coeff * sum_i r_i A_i (grad is overwritten), reading each A_i once.
     *
     * @return sum_i r_i^2, summed in the order i = 1..m
     */
    public double residualAndAdjoint(DMatrixRMaj w, double[] y, double coeff, DMatrixRMaj grad, Workspace ws) {
        checkShape(w);
        checkShape(grad);
        checkMeasurements(y);
        checkWorkspace(ws);
        double[] g = grad.data;
        java.util.Arrays.fill(g, 0, rows * cols, 0.0);
        double[] d = ws.dots;
        double sum = 0;
        int m = size();
        for (int i = 0; i < m; i += BLOCK) {
            int count = Math.min(BLOCK, m - i);
            dots(i, count, w.data, ws);
            for (int j = 0; j < count; j++) {
                double r = d[j] - y[i + j];
                sum += r * r;
                d[j] = coeff * r;
            }
            accumulate(i, count, d, 0, g, ws);
        }
        return sum;
    }

    /**
     * One fused pass for a map applied and then its adjoint on a coefficient derived entry by
     * entry: {@code measured[i] = <A_i, x>}, {@code c[i] = f.of(i, measured[i])} (f is called
     * before c[i] is written, so it may read the old c[i]), and {@code out = sum_i c[i] A_i}
     * (overwritten). Reads each A_i once; the same numbers as {@link #measure} followed by the
     * coefficient loop and {@link #adjoint}. {@code measured} and {@code c} may be the same array.
     */
    public void measureAndAdjoint(DMatrixRMaj x, double[] measured, Coefficients f, double[] c, DMatrixRMaj out,
            Workspace ws) {
        checkShape(x);
        checkShape(out);
        checkLength(measured, "output");
        checkLength(c, "coefficient");
        checkWorkspace(ws);
        double[] g = out.data;
        java.util.Arrays.fill(g, 0, rows * cols, 0.0);
        double[] d = ws.dots;
        int m = size();
        for (int i = 0; i < m; i += BLOCK) {
            int count = Math.min(BLOCK, m - i);
            dots(i, count, x.data, ws);
            for (int j = 0; j < count; j++) {
                measured[i + j] = d[j];
                c[i + j] = f.of(i + j, d[j]);
            }
            accumulate(i, count, c, i, g, ws);
        }
    }

    /** @return sum_i (&lt;A_i, w&gt; - y_i)^2 without a gradient, summed in the order i = 1..m */
    public double residualSquares(DMatrixRMaj w, double[] y, Workspace ws) {
        checkShape(w);
        checkMeasurements(y);
        checkWorkspace(ws);
        double[] d = ws.dots;
        double sum = 0;
        int m = size();
        for (int i = 0; i < m; i += BLOCK) {
            int count = Math.min(BLOCK, m - i);
            dots(i, count, w.data, ws);
            for (int j = 0; j < count; j++) {
                double r = d[j] - y[i + j];
                sum += r * r;
            }
        }
        return sum;
    }

    /**
     * {@link #residualSquares(DMatrixRMaj, double[], Workspace)} for one-off callers; allocates a
     * workspace, so not for iteration loops.
     *
     * @param scratch ignored (kept for existing callers; the workspace replaced it)
     */
    public double residualSquares(DMatrixRMaj w, double[] y, double[] scratch) {
        return residualSquares(w, y, newWorkspace());
    }

    /** @return A_{i+j}: the stored array, or regenerated into the workspace's j-th row */
    private double[] block(int i, int j, Workspace ws) {
        if (stored != null) {
            return stored[i + j];
        }
        generate(i + j, ws.rows[j]);
        return ws.rows[j];
    }

    /** Fetches A_i .. A_{i+count-1} (regenerating them into the workspace) and writes &lt;A, w&gt; to ws.dots. */
    private void dots(int i, int count, double[] w, Workspace ws) {
        int n2 = rows * cols;
        double[] d = ws.dots;
        if (count == BLOCK) {
            Rows.dot4(w, block(i, 0, ws), block(i, 1, ws), block(i, 2, ws), block(i, 3, ws), n2, d);
            return;
        }
        for (int j = 0; j < count; j++) {
            d[j] = Rows.dot(block(i, j, ws), w, n2);
        }
    }

    /** g += sum_{j < count} c[cOff + j] A_{i+j}, j ascending per entry; the A are those {@link #dots} fetched. */
    private void accumulate(int i, int count, double[] c, int cOff, double[] g, Workspace ws) {
        int n2 = rows * cols;
        double[][] a = stored != null ? stored : ws.rows;
        int base = stored != null ? i : 0;
        if (count == BLOCK) {
            Rows.axpy4(c[cOff], a[base], c[cOff + 1], a[base + 1], c[cOff + 2], a[base + 2], c[cOff + 3], a[base + 3], g,
                    n2);
        } else {
            for (int j = 0; j < count; j++) {
                Rows.axpy(c[cOff + j], a[base + j], g, n2);
            }
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("Measurement index " + i + " is out of range [0, " + (size() - 1) + "]");
        }
    }

    private void checkMeasurements(double[] y) {
        if (y.length != size()) {
            throw new IllegalArgumentException("Expected " + size() + " measurements, got " + y.length);
        }
    }

    private void checkWorkspace(Workspace ws) {
        if (ws == null) {
            throw new NullPointerException("Sensing workspace is null (use newWorkspace())");
        }
        if (stored == null && (ws.rows.length < BLOCK || ws.rows[0].length != rows * cols)) {
            throw new IllegalArgumentException("Workspace is not for this operator's " + rows + " x " + cols
                    + " matrices (use newWorkspace())");
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
