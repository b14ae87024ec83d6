package org.deepfact.engine.tensor;

/**
 * The metrics of a CP factorization at one iteration. Errors are normalised Frobenius distances,
 * as the authors report them: ||P(T - T*)||_F / ||P(T*)||_F over all entries, over the unobserved
 * entries, or over the held-out entries (against their values). NaN marks a value that is not
 * available (no ground truth, no held-out entries, no step yet).
 *
 * @param iteration optimiser steps taken so far
 * @param trainLoss mean squared residual over the observed entries
 * @param reconstructionError over all entries (needs the ground truth)
 * @param unobservedError over the entries not observed (needs the ground truth)
 * @param heldOutError over the held-out entries
 * @param tensorRank number of components whose norm is at least the rank threshold
 * @param rankThreshold the absolute component norm that counts (tau times the observations' implied norm)
 * @param stepSize the optimiser's global step size of the last step
 * @param gradientNorm sqrt of the sum of squared gradient entries at this iteration
 * @param topComponentNorms the largest component norms ||a_1^r|| ... ||a_N^r||, descending
 * @param topComponents the 0-based component index r of each of those norms
 * @param seconds wall-clock time since training started
 */
public record CpHistoryRecord(long iteration, double trainLoss, double reconstructionError, double unobservedError,
        double heldOutError, int tensorRank, double rankThreshold, double stepSize, double gradientNorm,
        double[] topComponentNorms, int[] topComponents, double seconds) {

    /** Defensive copies: the record stays immutable. */
    public CpHistoryRecord {
        topComponentNorms = topComponentNorms.clone();
        topComponents = topComponents.clone();
    }

    @Override
    public double[] topComponentNorms() {
        return topComponentNorms.clone();
    }

    @Override
    public int[] topComponents() {
        return topComponents.clone();
    }

    /** @return the reconstruction error when a ground truth is known, else the held-out error */
    public double testError() {
        return Double.isNaN(reconstructionError) ? heldOutError : reconstructionError;
    }
}
