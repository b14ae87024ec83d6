package org.deepfact.engine.tensor;

import java.util.SplittableRandom;

/**
 * The paper's low-rank ground truth (authors' {@code create_tensor_with_cp_rank}): every factor
 * entry i.i.d. N(0, 1), the CP tensor of the given rank formed, then scaled to a given Frobenius
 * norm (the authors' default 1). The scale goes into the first factor, so {@link #cp()} and
 * {@link #dense()} are the same tensor (up to rounding; the dense one is what errors are measured on).
 *
 * @param cp the rank-r CP form (r components), already scaled
 * @param dense the same tensor, row-major
 */
public record TensorGroundTruth(CpTensor cp, double[] dense) {

    /** The authors' target Frobenius norm. */
    public static final double DEFAULT_FROBENIUS_NORM = 1.0;

    /** @return a copy of the dense tensor */
    @Override
    public double[] dense() {
        return dense.clone();
    }

    /** @return the entry at linear index k (no copy) */
    public double at(int k) {
        return dense[k];
    }

    public TensorShape shape() {
        return cp.shape();
    }

    /**
     * @param frobeniusNorm target ||T||_F, &gt; 0
     * @throws IllegalArgumentException for rank &lt; 1, a norm that is not finite and positive,
     *         or (with probability zero) a zero tensor
     */
    public static TensorGroundTruth generate(TensorShape shape, int rank, double frobeniusNorm, long seed) {
        if (rank < 1) {
            throw new IllegalArgumentException("Ground-truth tensor rank must be >= 1, got " + rank);
        }
        if (!(frobeniusNorm > 0) || Double.isInfinite(frobeniusNorm)) {
            throw new IllegalArgumentException("Frobenius norm must be finite and > 0, got " + frobeniusNorm);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] factors = new double[shape.order()][];
        for (int n = 0; n < shape.order(); n++) {
            factors[n] = new double[shape.dim(n) * rank];
            for (int e = 0; e < factors[n].length; e++) {
                factors[n][e] = rng.nextGaussian();
            }
        }
        double[] dense = new CpTensor(shape, rank, factors).full();
        double norm = 0;
        for (double v : dense) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("Generated tensor is zero; use another seed");
        }
        double c = frobeniusNorm / norm;
        for (int e = 0; e < factors[0].length; e++) {
            factors[0][e] *= c;
        }
        for (int k = 0; k < dense.length; k++) {
            dense[k] *= c;
        }
        return new TensorGroundTruth(new CpTensor(shape, rank, factors), dense);
    }
}
