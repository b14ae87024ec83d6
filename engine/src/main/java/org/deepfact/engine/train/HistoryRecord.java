package org.deepfact.engine.train;

/**
 * The metrics of science.md section 4 at one iteration. NaN marks a value that is not
 * available (e.g. reconstruction error without a ground truth, step size before the first step).
 *
 * @param iteration optimiser steps taken so far
 * @param trainLoss mean squared residual on the observations / measurements
 * @param reconstructionError mean over all entries of (W - W*)^2
 * @param heldOutError mean squared error on the held-out entries
 * @param nuclearNorm sum of singular values of W
 * @param schattenQuasiNorm the quasi-norm (sum sigma_i^p)^(1/p) with p = 2/N (with the root; the
 *        authors log {@code schattenSum})
 * @param effectiveRank Roy and Vetterli's exp(entropy of sigma / sum sigma)
 * @param stableRank ||W||_F^2 / sigma_1^2
 * @param numericalRank number of sigma_i &gt; rankTolerance * sigma_1
 * @param stepSize global step size of the last optimiser step
 * @param gradientNorm sqrt(sum_j ||dL/dW_j||_F^2) at this iteration
 * @param alignmentDiagonalMean mean of |u_r^T G v_r| over all singular pairs of W (G = dL/dW)
 * @param alignmentDiagonalSpread sample standard deviation of those diagonal magnitudes
 * @param alignmentOffDiagonalMean mean of |u_r^T G v_s|, r != s
 * @param alignmentOffDiagonalSpread sample standard deviation of those off-diagonal magnitudes
 * @param topSingularValues sigma_1 &gt;= ... &gt;= sigma_k of W
 * @param seconds wall-clock time since training started
 * @param schattenSum sum sigma_i^(2/N) without the root: the authors' logged "Schatten norm"
 * @param topGradientProjections u_r^T G v_r for the top singular pairs (r = 1..k) of W, G = dL/dW;
 *        empty unless {@link TrainingConfig#stepCheck()}
 */
public record HistoryRecord(long iteration, double trainLoss, double reconstructionError, double heldOutError,
        double nuclearNorm, double schattenQuasiNorm, double effectiveRank, double stableRank, int numericalRank,
        double stepSize, double gradientNorm, double alignmentDiagonalMean, double alignmentDiagonalSpread,
        double alignmentOffDiagonalMean, double alignmentOffDiagonalSpread, double[] topSingularValues,
        double seconds, double schattenSum, double[] topGradientProjections) {

    /** Defensive copy: the record stays immutable. */
    public HistoryRecord {
        topSingularValues = topSingularValues.clone();
        topGradientProjections = topGradientProjections.clone();
    }

    /** @return a copy of the projections u_r^T G v_r (empty unless the step check was on) */
    @Override
    public double[] topGradientProjections() {
        return topGradientProjections.clone();
    }

    /** @return a copy of the top singular values */
    @Override
    public double[] topSingularValues() {
        return topSingularValues.clone();
    }

    /** @return the reconstruction error when a ground truth is known, else the held-out error */
    public double testError() {
        return Double.isNaN(reconstructionError) ? heldOutError : reconstructionError;
    }
}
