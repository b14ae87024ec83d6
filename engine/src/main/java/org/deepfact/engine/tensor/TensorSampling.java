package org.deepfact.engine.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.deepfact.engine.data.Samplers;

/**
 * Observed entries of a dense tensor: uniformly without replacement (the authors draw the
 * positions with {@code torch.multinomial(ones, m, replacement=False)}), the complement
 * (held-out entries), and additive Gaussian noise. Deterministic in the seed; entries come
 * sorted by linear position.
 */
public final class TensorSampling {

    private TensorSampling() {
    }

    /**
     * @param dense the tensor to read values from, row-major
     * @throws IllegalArgumentException when m is not in [1, number of entries]
     */
    public static TensorEntries uniform(TensorShape shape, double[] dense, int m, long seed) {
        checkDense(shape, dense);
        int total = shape.size();
        if (m < 1 || m > total) {
            throw new IllegalArgumentException("Number of observations must be in [1, " + total + "] for a "
                    + shape + " tensor, got " + m);
        }
        // Floyd's algorithm on a bitmap: m distinct positions, each subset equally likely.
        boolean[] chosen = new boolean[total];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = total - m; j < total; j++) {
            int t = rng.nextInt(j + 1);
            chosen[chosen[t] ? j : t] = true;
        }
        return fromMask(shape, dense, chosen, true);
    }

    /** @return every entry of {@code dense} not in {@code observed} (the held-out entries) */
    public static TensorEntries complement(TensorEntries observed, double[] dense) {
        TensorShape shape = observed.shape();
        checkDense(shape, dense);
        if (observed.size() == shape.size()) {
            throw new IllegalArgumentException("Every entry is observed: there are no held-out entries");
        }
        boolean[] seen = new boolean[shape.size()];
        for (int k = 0; k < observed.size(); k++) {
            seen[observed.linear(k)] = true;
        }
        return fromMask(shape, dense, seen, false);
    }

    /**
     * @return the same positions with i.i.d. N(0, sigma^2) noise added
     * @throws IllegalArgumentException when sigma is negative or not finite
     */
    public static TensorEntries addGaussianNoise(TensorEntries entries, double sigma, long seed) {
        return entries.withValues(Samplers.addGaussianNoise(entries.values(), sigma, seed));
    }

    private static TensorEntries fromMask(TensorShape shape, double[] dense, boolean[] mask, boolean wanted) {
        int count = 0;
        for (boolean b : mask) {
            count += b == wanted ? 1 : 0;
        }
        int order = shape.order();
        int[] idx = new int[count * order];
        double[] values = new double[count];
        int k = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] == wanted) {
                shape.unravel(p, idx, k * order);
                values[k++] = dense[p];
            }
        }
        return TensorEntries.ofFlat(shape, idx, values);
    }

    private static void checkDense(TensorShape shape, double[] dense) {
        if (dense == null || dense.length != shape.size()) {
            throw new IllegalArgumentException("Dense tensor has " + (dense == null ? 0 : dense.length)
                    + " entries, the shape " + shape + " needs " + shape.size());
        }
    }

    /** @return the linear positions of the entries, ascending (for tests and the unfolding) */
    static int[] sortedPositions(TensorEntries e) {
        int[] p = new int[e.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = e.linear(k);
        }
        Arrays.sort(p);
        return p;
    }
}
