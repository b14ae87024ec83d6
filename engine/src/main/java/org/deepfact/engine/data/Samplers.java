package org.deepfact.engine.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * Observation samplers for matrix completion. Every sampler is deterministic in its seed and
 * returns entries sorted row-major (row, then column), which keeps the trainer's sparse
 * gradient loops cache-friendly. Values are read from the given (ground-truth) matrix.
 */
public final class Samplers {

    private Samplers() {
    }

    /**
     * m positions drawn uniformly without replacement (the paper's sampler).
     *
     * @throws IllegalArgumentException when m &lt; 1 or m &gt; rows * cols
     */
    public static Observations uniform(DMatrixRMaj w, int m, long seed) {
        long total = checkMatrix(w);
        if (m < 1) {
            throw new IllegalArgumentException("Number of observations must be >= 1, got " + m);
        }
        if (m > total) {
            throw new IllegalArgumentException("Cannot observe " + m + " distinct entries of a "
                    + w.numRows + " x " + w.numCols + " matrix (" + total + " entries)");
        }
        long[] positions = floyd(total, m, new SplittableRandom(seed));
        return fromPositions(w, positions);
    }

    /**
     * round(fraction * rows * cols) positions, uniformly without replacement.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1] or rounds to zero entries
     */
    public static Observations uniformFraction(DMatrixRMaj w, double fraction, long seed) {
        long total = checkMatrix(w);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Observed fraction must be in (0, 1], got " + fraction);
        }
        long m = Math.round(fraction * total);
        if (m < 1) {
            throw new IllegalArgumentException("Observed fraction " + fraction + " of " + total
                    + " entries rounds to zero observations");
        }
        return uniform(w, (int) Math.min(Integer.MAX_VALUE, m), seed);
    }

    /**
     * Each entry observed independently with probability p (a Bernoulli mask).
     *
     * @throws IllegalArgumentException when p is not in (0, 1] or the mask came out empty
     */
    public static Observations bernoulli(DMatrixRMaj w, double p, long seed) {
        long total = checkMatrix(w);
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("Bernoulli probability p must be in (0, 1], got " + p);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long[] buf = new long[16];
        int m = 0;
        for (long pos = 0; pos < total; pos++) {
            if (rng.nextDouble() < p) {
                if (m == buf.length) {
                    buf = Arrays.copyOf(buf, 2 * m);
                }
                buf[m++] = pos;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("Bernoulli(p = " + p + ") selected no entries for seed " + seed
                    + ": increase p");
        }
        return fromPositions(w, Arrays.copyOf(buf, m));
    }

    /**
     * Exactly {@code perRow} distinct columns in every row, uniformly without replacement.
     *
     * @throws IllegalArgumentException when perRow is not in [1, cols]
     */
    public static Observations perRow(DMatrixRMaj w, int perRow, long seed) {
        checkMatrix(w);
        if (perRow < 1 || perRow > w.numCols) {
            throw new IllegalArgumentException("Observations per row must be in [1, " + w.numCols + "], got " + perRow);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long[] positions = new long[w.numRows * perRow];
        for (int i = 0; i < w.numRows; i++) {
            long[] cols = floyd(w.numCols, perRow, rng);
            for (int k = 0; k < perRow; k++) {
                positions[i * perRow + k] = (long) i * w.numCols + cols[k];
            }
        }
        return fromPositions(w, positions);
    }

    /**
     * m distinct positions drawn without replacement with probability proportional to
     * (a_i + 1)^(-exponent) * (b_j + 1)^(-exponent), where a and b are random permutations of
     * the row and column indices (so popular rows and columns are not simply the first ones).
     * exponent 0 is uniform. Uses Efraimidis-Spirakis keys; O(rows*cols log(rows*cols)).
     *
     * @throws IllegalArgumentException when m is out of range or the exponent is negative / not finite
     */
    public static Observations powerLaw(DMatrixRMaj w, int m, double exponent, long seed) {
        long total = checkMatrix(w);
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("Power-law exponent must be finite and >= 0, got " + exponent);
        }
        if (m < 1 || m > total) {
            throw new IllegalArgumentException("Number of observations must be in [1, " + total + "], got " + m);
        }
        if (total > 50_000_000L) {
            throw new IllegalArgumentException("Power-law sampling is limited to 5e7 entries, got " + total);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] rowWeight = permutedPowerWeights(w.numRows, exponent, rng);
        double[] colWeight = permutedPowerWeights(w.numCols, exponent, rng);
        double[] keys = new double[(int) total];
        for (int i = 0; i < w.numRows; i++) {
            for (int j = 0; j < w.numCols; j++) {
                // Exponential race: the m smallest -ln(u)/weight are a weighted sample without replacement.
                keys[i * w.numCols + j] = -Math.log(1 - rng.nextDouble()) / (rowWeight[i] * colWeight[j]);
            }
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        double threshold = sorted[m - 1];
        long[] positions = new long[m];
        int k = 0;
        for (int pos = 0; pos < keys.length && k < m; pos++) {
            if (keys[pos] <= threshold) {
                positions[k++] = pos;
            }
        }
        return fromPositions(w, positions);
    }

    /**
     * The held-out set: every entry of {@code w} whose position is not in {@code observed},
     * row-major, with its value from {@code w}.
     *
     * @throws IllegalArgumentException when the shapes differ or nothing is left unobserved
     */
    public static Observations complement(Observations observed, DMatrixRMaj w) {
        long total = checkMatrix(w);
        if (observed.rows() != w.numRows || observed.cols() != w.numCols) {
            throw new IllegalArgumentException("Observations are " + observed.rows() + " x " + observed.cols()
                    + " but the matrix is " + w.numRows + " x " + w.numCols);
        }
        if (observed.size() >= total) {
            throw new IllegalArgumentException("Every entry is observed: the held-out complement is empty");
        }
        boolean[] seen = new boolean[(int) total];
        for (int k = 0; k < observed.size(); k++) {
            seen[observed.row(k) * w.numCols + observed.col(k)] = true;
        }
        long[] positions = new long[(int) total - observed.size()];
        int k = 0;
        for (int pos = 0; pos < total; pos++) {
            if (!seen[pos]) {
                positions[k++] = pos;
            }
        }
        return fromPositions(w, positions);
    }

    /**
     * The same positions with i.i.d. N(0, sigma^2) noise added to each value.
     *
     * @throws IllegalArgumentException when sigma is negative or not finite
     */
    public static Observations addGaussianNoise(Observations obs, double sigma, long seed) {
        return obs.withValues(addGaussianNoise(obs.values(), sigma, seed));
    }

    /**
     * A copy of {@code values} with i.i.d. N(0, sigma^2) noise added to each, drawn in order from
     * one stream of {@code seed}: observed entries, sensing measurements and tensor entries all
     * get their noise here, so the same seed gives the same noise sequence everywhere.
     *
     * @throws IllegalArgumentException when sigma is negative or not finite
     */
    public static double[] addGaussianNoise(double[] values, double sigma, long seed) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Noise standard deviation must be finite and >= 0, got " + sigma);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = values.clone();
        for (int k = 0; k < v.length; k++) {
            v[k] += sigma * rng.nextGaussian();
        }
        return v;
    }

    private static long checkMatrix(DMatrixRMaj w) {
        long total = (long) w.numRows * w.numCols;
        if (total == 0) {
            throw new IllegalArgumentException("Cannot sample from an empty matrix");
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Matrix too large to sample: " + w.numRows + " x " + w.numCols);
        }
        return total;
    }

    /** Floyd's algorithm: m distinct values of [0, n), uniformly, sorted ascending. */
    private static long[] floyd(long n, int m, SplittableRandom rng) {
        Set<Long> chosen = new HashSet<>(Math.max(16, 2 * m));
        for (long j = n - m; j < n; j++) {
            long t = rng.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        long[] out = new long[m];
        int k = 0;
        for (long x : chosen) {
            out[k++] = x;
        }
        Arrays.sort(out);
        return out;
    }

    private static double[] permutedPowerWeights(int n, double exponent, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = Math.pow(perm[i] + 1, -exponent);
        }
        return weight;
    }

    private static Observations fromPositions(DMatrixRMaj w, long[] positions) {
        Arrays.sort(positions);
        int m = positions.length;
        int[] r = new int[m];
        int[] c = new int[m];
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = (int) (positions[k] / w.numCols);
            c[k] = (int) (positions[k] % w.numCols);
            v[k] = w.unsafe_get(r[k], c[k]);
        }
        return Observations.of(w.numRows, w.numCols, r, c, v);
    }
}
