package org.deepfact.engine.train;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;

/** Computes a {@link HistoryRecord} from the end-to-end matrix and gradient (only when metrics are due). */
final class Metrics {

    private final RecoveryProblem problem;
    private final TrainingConfig config;
    private final DenseKernel kernel;

    Metrics(RecoveryProblem problem, TrainingConfig config, DenseKernel kernel) {
        this.problem = problem;
        this.config = config;
        this.kernel = kernel;
    }

    HistoryRecord record(long iteration, double loss, DMatrixRMaj w, DMatrixRMaj g, double stepSize,
            double gradientNorm, double seconds) {
        boolean finite = allFinite(w);
        boolean vectors = config.alignment() || config.stepCheck();
        Spectrum s = !finite ? null : vectors ? Spectrum.withVectors(w) : Spectrum.of(w);
        // G is the true dL/dW (with the factor 2/m); the authors' diagnostic scales G differently,
        // which changes means and spreads by one common factor but not their ratios.
        double nan = Double.NaN;
        Alignment align = s != null && config.alignment() ? Alignment.of(g, s, kernel) : new Alignment(nan, nan, nan, nan);
        return new HistoryRecord(iteration, loss, reconstructionError(w), heldOutError(w),
                s == null ? nan : s.nuclearNorm(),
                s == null ? nan : s.schattenNorm(2.0 / config.depth()),
                s == null ? nan : s.effectiveRank(),
                s == null ? nan : s.stableRank(),
                s == null ? -1 : s.numericalRank(config.rankTolerance() * s.spectralNorm()),
                stepSize, gradientNorm, align.diagonalMean(), align.diagonalStd(),
                align.offDiagonalMean(), align.offDiagonalStd(),
                s == null ? new double[0] : s.top(config.topK()), seconds,
                s == null ? nan : s.schattenSum(2.0 / config.depth()),
                s != null && config.stepCheck() ? projections(g, s, config.topK()) : new double[0]);
    }

    /** @return u_r^T G v_r for the top k singular pairs (the theory's &lt;grad, u_r v_r^T&gt;) */
    static double[] projections(DMatrixRMaj g, Spectrum s, int k) {
        DMatrixRMaj u = s.leftVectors();
        DMatrixRMaj v = s.rightVectors();
        int n = Math.min(k, Math.min(u.numCols, v.numCols));
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int i = 0; i < g.numRows; i++) {
                double ui = u.unsafe_get(i, r);
                if (ui == 0) {
                    continue;
                }
                for (int j = 0; j < g.numCols; j++) {
                    sum += ui * g.unsafe_get(i, j) * v.unsafe_get(j, r);
                }
            }
            out[r] = sum;
        }
        return out;
    }

    private double reconstructionError(DMatrixRMaj w) {
        DMatrixRMaj truth = problem.groundTruth();
        return truth == null ? Double.NaN : ReconstructionErrors.all(w, truth).mse();
    }

    private double heldOutError(DMatrixRMaj w) {
        Observations h = problem.heldOut();
        if (h == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < h.size(); k++) {
            double d = w.unsafe_get(h.row(k), h.col(k)) - h.value(k);
            sum += d * d;
        }
        return sum / h.size();
    }

    private static boolean allFinite(DMatrixRMaj w) {
        for (int e = 0; e < w.getNumElements(); e++) {
            if (!Double.isFinite(w.data[e])) {
                return false;
            }
        }
        return true;
    }
}
