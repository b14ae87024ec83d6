package org.deepfact.engine.baseline;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Primal-dual hybrid gradient (Chambolle and Pock 2011; equivalently linearized ADMM) for
 * min ||X||_* + g(A X), g = indicator{ |z - y| &lt;= eps }, for a general linear map A. It only
 * needs A and A^T, never (A A^T)^{-1}, so it works for sensing maps regenerated on the fly.
 *
 * <pre>
 *   X'      = SVT_tau(X - tau A^T lambda)
 *   lambda' = prox_{s g*}(lambda + s A(2X' - X)),  prox_{s g*}(w) = w - s clip(w / s, y - eps, y + eps)
 * </pre>
 * Guarantee: with tau s ||A||^2 &lt; 1 (we keep 0.9, ||A|| from a power iteration with 2% margin)
 * the iterates converge to a saddle point, i.e. X to a minimizer. The ratio tau / s is
 * rebalanced with a geometrically decaying step (Goldstein, Li, Yuan 2015), which keeps
 * that guarantee. Residuals: feasibility (reported as primal)
 * ||(lambda - lambda')/s - A(X - X')|| / max(||A X'||, ||y||) and stationarity (reported as
 * dual) ||(X - X')/tau - A^T(lambda - lambda')||_F / ||A^T lambda'||_F. With
 * {@link NuclearNormConfig#psd()} SVT is replaced by the prox of tr + indicator{PSD}
 * ({@link Shrinkage}).
 */
final class PrimalDualSolver {

    private static final double STEP_PRODUCT = 0.9;
    private static final double IMBALANCE = 1.5;
    private static final double ADAPT_DECAY = 0.95;

    private PrimalDualSolver() {
    }

    static NuclearNormResult solve(LinearConstraints a, double[] y, NuclearNormConfig config,
            ProgressCallback callback) {
        SolverLoop loop = new SolverLoop(config, callback);
        int rows = a.rows();
        int cols = a.cols();
        int m = a.size();
        double eps = config.epsilon();
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        DMatrixRMaj xPrev = new DMatrixRMaj(rows, cols);
        DMatrixRMaj atl = new DMatrixRMaj(rows, cols);
        DMatrixRMaj atlPrev = new DMatrixRMaj(rows, cols);
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        double[] lambda = new double[m];
        double[] lambdaPrev = new double[m];
        double[] ax = new double[m];
        double[] axPrev = new double[m];
        Shrinkage prox = Shrinkage.of(rows, cols, config.psd());
        DualStep dualStep = new DualStep(lambda, axPrev, y, eps);

        double norm = OperatorNorm.estimate(a, callback) * 1.02;
        if (norm == 0) {
            throw new IllegalArgumentException("The measurement map is zero: every A_i vanishes");
        }
        double yNorm = norm2(y);
        // tau / s ~ (primal scale) / (dual scale): X ~ ||y|| / ||A||, lambda ~ 1 / ||A||.
        double ratio = Math.max(yNorm, 1e-12);
        double tau = Math.sqrt(STEP_PRODUCT * ratio) / norm;
        double s = Math.sqrt(STEP_PRODUCT / ratio) / norm;
        double adapt = 0.5;

        while (loop.next()) {
            double[] gd = g.data;
            double[] xd = x.data;
            double[] ad = atl.data;
            for (int p = 0; p < gd.length; p++) {
                gd[p] = xd[p] - tau * ad[p];
            }
            xPrev.setTo(x);
            System.arraycopy(ax, 0, axPrev, 0, m);
            double nuclear = prox.shrink(g, tau, x);
            System.arraycopy(lambda, 0, lambdaPrev, 0, m);
            atlPrev.setTo(atl);
            dualStep.s = s;
            // ax = A x, lambda updated entry by entry from ax, atl = A^T lambda: one pass over the A_i.
            a.applyThenAdjoint(x, ax, dualStep, lambda, atl);

            double feas = 0;
            double axNorm = 0;
            for (int i = 0; i < m; i++) {
                double d = (lambdaPrev[i] - lambda[i]) / s - (axPrev[i] - ax[i]);
                feas += d * d;
                axNorm += ax[i] * ax[i];
            }
            double stat = 0;
            double[] xp = xPrev.data;
            double[] ap = atlPrev.data;
            for (int p = 0; p < xd.length; p++) {
                double d = (xp[p] - xd[p]) / tau - (ap[p] - ad[p]);
                stat += d * d;
            }
            double primal = Math.sqrt(feas) / Math.max(Math.max(Math.sqrt(axNorm), yNorm), Double.MIN_NORMAL);
            double dual = Math.sqrt(stat) / Math.max(NormOps_DDRM.normF(atl), Double.MIN_NORMAL);
            if (loop.converged(primal, dual, nuclear)) {
                break;
            }
            // Keep tau * s fixed; move weight toward the side whose residual lags.
            if (dual > IMBALANCE * primal) {
                tau /= 1 - adapt;
                s *= 1 - adapt;
                adapt *= ADAPT_DECAY;
            } else if (primal > IMBALANCE * dual) {
                tau *= 1 - adapt;
                s /= 1 - adapt;
                adapt *= ADAPT_DECAY;
            }
            if (loop.progressDue()) {
                loop.progress(String.format(java.util.Locale.ROOT, "primal-dual iteration %d, primal %.2e, dual %.2e, nuclear norm %.6g",
                        loop.iteration(), primal, dual, nuclear));
            }
        }
        String method = "primal-dual hybrid gradient (general A)" + (config.psd() ? ", minimum trace over PSD" : "");
        return loop.finish(method, a, y, x, axPrev);
    }

    /**
     * lambda_i' = prox_{s g*}(lambda_i + s (2 (A X')_i - (A X)_i)) from the fresh (A X')_i;
     * reads lambda_i before the caller overwrites it with the result.
     */
    private static final class DualStep implements SensingOperator.Coefficients {
        private final double[] lambda;
        private final double[] axPrev;
        private final double[] y;
        private final double eps;
        double s;

        DualStep(double[] lambda, double[] axPrev, double[] y, double eps) {
            this.lambda = lambda;
            this.axPrev = axPrev;
            this.y = y;
            this.eps = eps;
        }

        @Override
        public double of(int i, double ax) {
            double w = lambda[i] + s * (2 * ax - axPrev[i]);
            double clipped = Math.min(Math.max(w / s, y[i] - eps), y[i] + eps);
            return w - s * clipped;
        }
    }

    private static double norm2(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
