package org.deepfact.engine.spectrum;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The singular values of a {@code rows x cols} matrix, sorted descending, optionally with
 * the matching singular vectors, and the spectral quantities derived from them
 * (norms, Schatten quasi-norms, effective / stable / numerical rank, condition number,
 * cumulative energy). Immutable.
 *
 * <p>Conventions for degenerate spectra (all documented per method): the zero matrix has
 * every norm and rank measure 0, condition number +infinity and cumulative energy 0.
 * Sums of powers are computed relative to sigma_1 so that matrices with entries near
 * the limits of double precision (1e-300, 1e300) neither underflow nor overflow.
 */
public final class Spectrum {

    private final int rows;
    private final int cols;
    /** Descending, non-negative, length min(rows, cols). */
    private final double[] sigma;
    /** rows x k left singular vectors as columns, or null. */
    private final DMatrixRMaj left;
    /** cols x k right singular vectors as columns, or null. */
    private final DMatrixRMaj right;

    private Spectrum(int rows, int cols, double[] sigma, DMatrixRMaj left, DMatrixRMaj right) {
        this.rows = rows;
        this.cols = cols;
        this.sigma = sigma;
        this.left = left;
        this.right = right;
    }

    /**
     * Singular values only (cheaper than {@link #withVectors(DMatrixRMaj)}).
     *
     * @throws IllegalArgumentException when the matrix is empty or has a NaN / infinite entry
     */
    public static Spectrum of(DMatrixRMaj matrix) {
        return decompose(matrix, false);
    }

    /**
     * Singular values and thin singular vectors: matrix = U diag(sigma) V^T with
     * U {@code rows x k}, V {@code cols x k}, k = min(rows, cols), columns ordered like sigma.
     *
     * @throws IllegalArgumentException when the matrix is empty or has a NaN / infinite entry
     */
    public static Spectrum withVectors(DMatrixRMaj matrix) {
        return decompose(matrix, true);
    }

    /**
     * A spectrum from singular values computed elsewhere (e.g. a solver's own SVD).
     * The values are copied and sorted descending.
     *
     * @throws IllegalArgumentException when a value is negative or not finite, the count is
     *         not min(rows, cols), or the shape is not positive
     */
    public static Spectrum ofSingularValues(int rows, int cols, double[] singularValues) {
        checkShape(rows, cols);
        if (singularValues.length != Math.min(rows, cols)) {
            throw new IllegalArgumentException("A " + rows + " x " + cols + " matrix has "
                    + Math.min(rows, cols) + " singular values, got " + singularValues.length);
        }
        double[] s = singularValues.clone();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0) || Double.isInfinite(s[i])) {
                throw new IllegalArgumentException("Singular value " + i + " is " + s[i]
                        + ": singular values must be finite and non-negative");
            }
        }
        Arrays.sort(s);
        reverse(s);
        return new Spectrum(rows, cols, s, null, null);
    }

    private static Spectrum decompose(DMatrixRMaj matrix, boolean vectors) {
        checkShape(matrix.numRows, matrix.numCols);
        double scale = maxAbsChecked(matrix);
        int k = Math.min(matrix.numRows, matrix.numCols);
        if (scale == 0) {
            return zero(matrix.numRows, matrix.numCols, k, vectors);
        }
        // Scaling to unit max entry keeps EJML's arithmetic away from under/overflow;
        // singular vectors are scale invariant, singular values scale linearly.
        DMatrixRMaj work = matrix.copy();
        CommonOps_DDRM.divide(work, scale);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(work.numRows, work.numCols, vectors, vectors, true);
        if (!svd.decompose(work)) {
            throw new IllegalStateException("SVD did not converge for a " + matrix.numRows + " x "
                    + matrix.numCols + " matrix");
        }
        double[] raw = svd.getSingularValues();
        // EJML does not promise any order: sort explicitly, carrying vectors along.
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = raw[order[i]] * scale;
        }
        if (!vectors) {
            return new Spectrum(matrix.numRows, matrix.numCols, s, null, null);
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        return new Spectrum(matrix.numRows, matrix.numCols, s, permuteColumns(u, order, k),
                permuteColumns(v, order, k));
    }

    private static Spectrum zero(int rows, int cols, int k, boolean vectors) {
        if (!vectors) {
            return new Spectrum(rows, cols, new double[k], null, null);
        }
        // Any orthonormal columns form a valid SVD of the zero matrix: take unit vectors.
        DMatrixRMaj u = new DMatrixRMaj(rows, k);
        DMatrixRMaj v = new DMatrixRMaj(cols, k);
        for (int i = 0; i < k; i++) {
            u.set(i, i, 1);
            v.set(i, i, 1);
        }
        return new Spectrum(rows, cols, new double[k], u, v);
    }

    private static DMatrixRMaj permuteColumns(DMatrixRMaj m, Integer[] order, int k) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, k);
        for (int c = 0; c < k; c++) {
            int from = order[c];
            for (int r = 0; r < m.numRows; r++) {
                out.unsafe_set(r, c, m.unsafe_get(r, from));
            }
        }
        return out;
    }

    private static void checkShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Matrix shape must be positive, got " + rows + " x " + cols);
        }
    }

    private static double maxAbsChecked(DMatrixRMaj m) {
        double max = 0;
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                double x = m.unsafe_get(r, c);
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("Matrix entry (" + r + ", " + c + ") is " + x
                            + ": the spectrum needs finite entries");
                }
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return min(rows, cols), the number of singular values */
    public int size() {
        return sigma.length;
    }

    /** @return a copy of all singular values, descending */
    public double[] singularValues() {
        return sigma.clone();
    }

    /** @return the {@code i}-th largest singular value, 0-based */
    public double singularValue(int i) {
        if (i < 0 || i >= sigma.length) {
            throw new IllegalArgumentException("Singular value index " + i + " is out of range [0, "
                    + (sigma.length - 1) + "]");
        }
        return sigma[i];
    }

    /** @return the largest {@code k} singular values (fewer when the matrix has fewer) */
    public double[] top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("Number of singular values k must be >= 0, got " + k);
        }
        return Arrays.copyOf(sigma, Math.min(k, sigma.length));
    }

    /** @return true when built by {@link #withVectors(DMatrixRMaj)} */
    public boolean hasVectors() {
        return left != null;
    }

    /** @return a copy of U ({@code rows x k}); column i belongs to singularValue(i) */
    public DMatrixRMaj leftVectors() {
        return requireVectors(left).copy();
    }

    /** @return a copy of V ({@code cols x k}); column i belongs to singularValue(i) */
    public DMatrixRMaj rightVectors() {
        return requireVectors(right).copy();
    }

    private static DMatrixRMaj requireVectors(DMatrixRMaj m) {
        if (m == null) {
            throw new IllegalStateException("Singular vectors were not computed: use Spectrum.withVectors");
        }
        return m;
    }

    /** @return sigma_1, the spectral (operator 2-) norm */
    public double spectralNorm() {
        return sigma[0];
    }

    /** @return sum of singular values (trace norm) */
    public double nuclearNorm() {
        double sum = 0;
        for (double s : sigma) {
            sum += s;
        }
        return sum;
    }

    /** @return sqrt(sum sigma_i^2), computed without under/overflow */
    public double frobeniusNorm() {
        return schattenNorm(2);
    }

    /**
     * Schatten-p norm (sum sigma_i^p)^(1/p); a quasi-norm for 0 &lt; p &lt; 1 (e.g. p = 2/N for a
     * depth-N factorization). p = +infinity gives the spectral norm.
     *
     * @throws IllegalArgumentException when p is not &gt; 0 (or NaN)
     */
    public double schattenNorm(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("Schatten exponent p must be > 0, got " + p);
        }
        double s1 = sigma[0];
        if (s1 == 0 || p == Double.POSITIVE_INFINITY) {
            return s1;
        }
        // sigma_1 * (sum (sigma_i/sigma_1)^p)^(1/p): the ratios lie in [0, 1], no overflow.
        return s1 * Math.pow(sumOfRatioPowers(p), 1 / p);
    }

    /**
     * sum sigma_i^p without the root: the quantity the authors log as their "Schatten norm"
     * ({@code singular_values.pow(2. / depth).sum()} in their main.py), equal to
     * {@code schattenNorm(p)^p}.
     *
     * @throws IllegalArgumentException when p is not &gt; 0 (or NaN)
     */
    public double schattenSum(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("Schatten exponent p must be > 0, got " + p);
        }
        double sum = 0;
        for (double s : sigma) {
            sum += Math.pow(s, p);
        }
        return sum;
    }

    private double sumOfRatioPowers(double p) {
        double s1 = sigma[0];
        double sum = 0;
        for (double s : sigma) {
            sum += Math.pow(s / s1, p);
        }
        return sum;
    }

    /**
     * Effective rank of Roy and Vetterli (2007): exp(-sum p_i ln p_i), p_i = sigma_i / sum sigma,
     * with 0 ln 0 = 0. Lies in [1, min(rows, cols)] for a non-zero matrix; 0 for the zero matrix.
     */
    public double effectiveRank() {
        double total = nuclearNorm();
        if (total == 0) {
            return 0;
        }
        double entropy = 0;
        for (double s : sigma) {
            double p = s / total;
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }

    /** @return ||M||_F^2 / sigma_1^2, in [1, min(rows, cols)]; 0 for the zero matrix */
    public double stableRank() {
        return sigma[0] == 0 ? 0 : sumOfRatioPowers(2);
    }

    /**
     * @param tolerance absolute threshold, &gt;= 0
     * @return the number of singular values strictly greater than {@code tolerance}
     */
    public int numericalRank(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("Rank tolerance must be finite and >= 0, got " + tolerance);
        }
        int r = 0;
        while (r < sigma.length && sigma[r] > tolerance) {
            r++;
        }
        return r;
    }

    /** @return numerical rank at the customary tolerance max(rows, cols) * ulp(1) * sigma_1 */
    public double defaultRankTolerance() {
        return Math.max(rows, cols) * Math.ulp(1.0) * sigma[0];
    }

    /** @return {@link #numericalRank(double)} at {@link #defaultRankTolerance()} */
    public int numericalRank() {
        return numericalRank(defaultRankTolerance());
    }

    /**
     * @return sigma_1 / sigma_min(rows, cols); +infinity when the smallest singular value is 0
     *         (rank deficient, including the zero matrix)
     */
    public double conditionNumber() {
        double smallest = sigma[sigma.length - 1];
        return smallest == 0 ? Double.POSITIVE_INFINITY : sigma[0] / smallest;
    }

    /**
     * @return c with c[i] = (sigma_1^2 + ... + sigma_{i+1}^2) / ||M||_F^2, non-decreasing,
     *         last entry 1; all zeros for the zero matrix
     */
    public double[] cumulativeEnergy() {
        double[] c = new double[sigma.length];
        double s1 = sigma[0];
        if (s1 == 0) {
            return c;
        }
        double running = 0;
        for (int i = 0; i < sigma.length; i++) {
            double ratio = sigma[i] / s1;
            running += ratio * ratio;
            c[i] = running;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= running;
        }
        return c;
    }

    @Override
    public String toString() {
        return "Spectrum[" + rows + " x " + cols + ", sigma_1 = " + sigma[0] + ", nuclear = "
                + nuclearNorm() + ", effective rank = " + effectiveRank() + "]";
    }
}
