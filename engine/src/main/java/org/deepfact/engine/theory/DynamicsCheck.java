package org.deepfact.engine.theory;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.TrainingConfig;

/**
 * Checks the singular-value dynamics of balanced deep factorizations (Arora et al. 2019,
 * science.md section 6) on a training history: over one discrete step t -&gt; t + 1 of size
 * eta, the measured change of sigma_r must match the prediction
 * -eta N sigma_r^(2-2/N) &lt;G, u_r v_r^T&gt; to first order in eta (G = dL/dW at t).
 *
 * <p>The history must come from a run with {@link TrainingConfig#stepCheck()}: its records come
 * in pairs (t, t + 1) and carry u_r^T G v_r. The prediction holds for gradient descent from a
 * balanced start (identity or orthogonal init); GroupRMSprop moves along the same direction with
 * its recorded global step, so the check applies to it as well. Each pair uses the recorded
 * step size of the step it spans. A pair whose first record has all top singular values equal
 * (the identity start W = sI) is skipped: its singular vectors are not defined, so the first-order
 * prediction says nothing there.
 */
public final class DynamicsCheck {

    private DynamicsCheck() {
    }

    /**
     * @param history records of one run (in iteration order)
     * @param depth the factorization's depth N
     * @param topK singular values to check (at most those recorded)
     * @throws IllegalArgumentException when the history has no pair of consecutive records with
     *         gradient projections (the run did not have the step check on)
     */
    public static DynamicsReport of(List<HistoryRecord> history, int depth, int topK) {
        if (depth < 1) {
            throw new IllegalArgumentException("Depth must be >= 1, got " + depth);
        }
        double exponent = 2 - 2.0 / depth;
        List<double[]> measured = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        List<Long> iterations = new ArrayList<>();
        int k = topK;
        for (int i = 0; i + 1 < history.size(); i++) {
            HistoryRecord before = history.get(i);
            HistoryRecord after = history.get(i + 1);
            double[] proj = before.topGradientProjections();
            if (after.iteration() != before.iteration() + 1 || proj.length == 0) {
                continue;
            }
            double[] s0 = before.topSingularValues();
            double[] s1 = after.topSingularValues();
            if (s0.length == 0 || s0[0] - s0[s0.length - 1] <= 1e-9 * s0[0]) {
                continue;
            }
            k = Math.min(k, Math.min(proj.length, Math.min(s0.length, s1.length)));
            double eta = after.stepSize();
            double[] m = new double[s0.length];
            double[] p = new double[s0.length];
            for (int r = 0; r < Math.min(s0.length, Math.min(s1.length, proj.length)); r++) {
                m[r] = s1[r] - s0[r];
                p[r] = -eta * depth * Math.pow(s0[r], exponent) * proj[r];
            }
            measured.add(m);
            predicted.add(p);
            iterations.add(before.iteration());
        }
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("The history has no consecutive records with gradient projections: "
                    + "train with stepCheck(true)");
        }
        int steps = measured.size();
        double[][] meas = new double[steps][k];
        double[][] pred = new double[steps][k];
        long[] its = new long[steps];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(measured.get(t), 0, meas[t], 0, k);
            System.arraycopy(predicted.get(t), 0, pred[t], 0, k);
            its[t] = iterations.get(t);
        }
        return new DynamicsReport(its, meas, pred, discrepancy(meas, pred, k));
    }

    /** sum_t |measured - predicted| / sum_t |predicted| per singular value. */
    private static double[] discrepancy(double[][] measured, double[][] predicted, int k) {
        double[] out = new double[k];
        for (int r = 0; r < k; r++) {
            double diff = 0;
            double scale = 0;
            for (int t = 0; t < measured.length; t++) {
                diff += Math.abs(measured[t][r] - predicted[t][r]);
                scale += Math.abs(predicted[t][r]);
            }
            out[r] = scale == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / scale;
        }
        return out;
    }
}
