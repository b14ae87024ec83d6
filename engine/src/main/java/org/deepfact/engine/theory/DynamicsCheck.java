package org.deepfact.engine.theory;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks the singular-value dynamics of balanced deep factorizations (Arora et al. 2019,
 * science.md section 6) on a completion problem: with a discrete step lr, the measured
 * change of sigma_r must match -lr N sigma_r^(2-2/N) &lt;grad, u_r v_r^T&gt; to first order in
 * lr, so the relative discrepancy shrinks proportionally to lr. Square matrices only (the
 * identity initialization needs them). Plain gradient descent, computed densely here so that
 * the check is independent of the trainer.
 */
public final class DynamicsCheck {

    private DynamicsCheck() {
    }

    /**
     * @param callback progress and cancellation; null means {@link ProgressCallback#NONE}
     * @throws IllegalArgumentException when the observations are not of a square matrix or
     *         topK exceeds its size
     */
    public static DynamicsReport run(Observations observations, DynamicsConfig config, ProgressCallback callback) {
        ProgressCallback cb = callback == null ? ProgressCallback.NONE : callback;
        if (observations.rows() != observations.cols()) {
            throw new IllegalArgumentException("The dynamics check needs a square matrix (identity initialization), got "
                    + observations.rows() + " x " + observations.cols());
        }
        int k = config.topK();
        if (k > observations.rows()) {
            throw new IllegalArgumentException("topK " + k + " exceeds the matrix size " + observations.rows());
        }
        BalancedChain chain = new BalancedChain(observations, config.depth(), config.initScale());
        int total = config.warmupSteps() + config.measuredSteps();
        for (int t = 0; t < config.warmupSteps(); t++) {
            cb.checkCanceled();
            chain.step(config.learningRate());
            if (t % 100 == 0) {
                cb.progress((double) t / total, "warm-up step " + t);
            }
        }
        int n = config.depth();
        double exponent = 2 - 2.0 / n;
        double[][] measured = new double[config.measuredSteps()][k];
        double[][] predicted = new double[config.measuredSteps()][k];
        Alignment alignment = null;
        double[] last = null;
        for (int t = 0; t < config.measuredSteps(); t++) {
            cb.checkCanceled();
            DMatrixRMaj w = chain.endToEnd();
            Spectrum before = Spectrum.withVectors(w);
            DMatrixRMaj g = chain.gradient(w);
            DMatrixRMaj u = before.leftVectors();
            DMatrixRMaj v = before.rightVectors();
            for (int r = 0; r < k; r++) {
                double inner = bilinear(u, g, v, r);
                double sigma = before.singularValue(r);
                predicted[t][r] = -config.learningRate() * n * Math.pow(sigma, exponent) * inner;
            }
            alignment = Alignment.of(g, before);
            chain.step(config.learningRate());
            last = Spectrum.of(chain.endToEnd()).singularValues();
            for (int r = 0; r < k; r++) {
                measured[t][r] = last[r] - before.singularValue(r);
            }
            cb.progress((double) (config.warmupSteps() + t) / total, "measured step " + t);
        }
        double[] discrepancy = new double[k];
        for (int r = 0; r < k; r++) {
            double diff = 0;
            double scale = 0;
            for (int t = 0; t < measured.length; t++) {
                diff += Math.abs(measured[t][r] - predicted[t][r]);
                scale += Math.abs(predicted[t][r]);
            }
            discrepancy[r] = scale == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / scale;
        }
        return new DynamicsReport(measured, predicted, discrepancy, java.util.Arrays.copyOf(last, k), alignment);
    }

    /** u_r^T G v_r = &lt;G, u_r v_r^T&gt;. */
    private static double bilinear(DMatrixRMaj u, DMatrixRMaj g, DMatrixRMaj v, int r) {
        double sum = 0;
        for (int i = 0; i < g.numRows; i++) {
            double ui = u.get(i, r);
            for (int j = 0; j < g.numCols; j++) {
                sum += ui * g.get(i, j) * v.get(j, r);
            }
        }
        return sum;
    }
}
