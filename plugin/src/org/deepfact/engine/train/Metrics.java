package org.deepfact.engine.train;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Computes a {@link HistoryRecord} from the end-to-end matrix and gradient (only when metrics are due). */
final class Metrics {

    private final TrainingProblem problem;
    private final TrainingConfig config;

    Metrics(TrainingProblem problem, TrainingConfig config) {
        this.problem = problem;
        this.config = config;
    }

    HistoryRecord record(long iteration, double loss, DMatrixRMaj w, DMatrixRMaj g, double stepSize,
            double gradientNorm, double seconds) {
        boolean finite = allFinite(w);
        Spectrum s = !finite ? null : config.alignment() ? Spectrum.withVectors(w) : Spectrum.of(w);
        double[] align = s != null && config.alignment() ? alignment(s, g) : new double[] {Double.NaN, Double.NaN,
            Double.NaN, Double.NaN};
        double nan = Double.NaN;
        return new HistoryRecord(iteration, loss, reconstructionError(w), heldOutError(w),
                s == null ? nan : s.nuclearNorm(),
                s == null ? nan : s.schattenNorm(2.0 / config.depth()),
                s == null ? nan : s.effectiveRank(),
                s == null ? nan : s.stableRank(),
                s == null ? -1 : s.numericalRank(config.rankTolerance() * s.spectralNorm()),
                stepSize, gradientNorm, align[0], align[1], align[2], align[3],
                s == null ? new double[0] : s.top(config.topK()), seconds);
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

    /**
     * |U^T G V| over all singular pairs (as the authors' diagnostic): mean and sample standard
     * deviation of the diagonal and of the off-diagonal entries. G is the true dL/dW (with the
     * factor 2/m); the authors' diagnostic scales G differently, which changes means and spreads
     * by one common factor but not their ratios.
     */
    private double[] alignment(Spectrum s, DMatrixRMaj g) {
        int k = s.size();
        DMatrixRMaj u = CommonOps_DDRM.extract(s.leftVectors(), 0, g.numRows, 0, k);
        DMatrixRMaj v = CommonOps_DDRM.extract(s.rightVectors(), 0, g.numCols, 0, k);
        DMatrixRMaj gv = new DMatrixRMaj(g.numRows, k);
        CommonOps_DDRM.mult(g, v, gv);
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(u, gv, a);
        double[] diag = new double[k];
        double[] off = new double[k * k - k];
        int o = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double x = Math.abs(a.unsafe_get(r, c));
                if (r == c) {
                    diag[r] = x;
                } else {
                    off[o++] = x;
                }
            }
        }
        return new double[] {mean(diag), spread(diag), mean(off), spread(off)};
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double spread(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / (x.length - 1));
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
