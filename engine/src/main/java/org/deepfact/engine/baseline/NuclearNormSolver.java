package org.deepfact.engine.baseline;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;

/**
 * The paper's convex baseline: min ||X||_* subject to |A(X)_i - y_i| &lt;= epsilon for every
 * measurement (equality when epsilon = 0).
 *
 * <p>Method: when A A^T = I (completion) exact-projection ADMM with over-relaxation and
 * residual balancing ({@code ProjectionAdmm}); otherwise (sensing) a primal-dual hybrid
 * gradient method that needs only A and A^T ({@code PrimalDualSolver}). Both stop when the
 * relative primal (constraint) and dual (optimality) residuals are at most the configured
 * tolerance, or at the iteration cap ({@link NuclearNormReport#converged()} false). The
 * returned matrix is the singular-value-thresholded iterate, so it is exactly low rank and
 * satisfies the constraints up to {@link NuclearNormReport#maxViolation()}.
 *
 * <p>With {@link NuclearNormConfig#psd()} the problem is min tr(X) subject to the same
 * constraints and X positive semidefinite (square problems only): the same two methods with the
 * nuclear norm's prox (singular-value thresholding) replaced by eigenvalue thresholding of the
 * symmetric part ({@code EigenvalueShrinkage}), so the returned X is symmetric PSD and the
 * reported nuclear norm is its trace.
 */
public final class NuclearNormSolver {

    private final NuclearNormConfig config;

    public NuclearNormSolver(NuclearNormConfig config) {
        this.config = config;
    }

    /**
     * Minimum-nuclear-norm recovery of a completion or sensing problem (its references, if any,
     * are not used by the solver).
     *
     * @param callback progress and cancellation; null means {@link ProgressCallback#NONE}
     */
    public NuclearNormResult solve(RecoveryProblem problem, ProgressCallback callback) {
        if (problem.isCompletion()) {
            Observations observations = problem.observations();
            return solve(new CompletionConstraints(observations), observations.values(), callback);
        }
        return solve(new SensingConstraints(problem.sensingOperator()), problem.measurements(), callback);
    }

    /**
     * @param a measurement map
     * @param y measured values, length {@code a.size()}
     * @param callback progress and cancellation; null means {@link ProgressCallback#NONE}
     * @throws IllegalArgumentException when y has the wrong length or a non-finite value, or PSD
     *         is asked of a non-square problem
     * @throws org.deepfact.engine.OperationCanceledException when the callback cancels
     */
    public NuclearNormResult solve(LinearConstraints a, double[] y, ProgressCallback callback) {
        if (config.psd() && a.rows() != a.cols()) {
            throw new IllegalArgumentException("PSD (minimum trace) needs a square problem, got " + a.rows() + " x "
                    + a.cols());
        }
        if (y.length != a.size()) {
            throw new IllegalArgumentException("Expected " + a.size() + " measured values, got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Measured value " + i + " is " + y[i] + ", not a finite number");
            }
        }
        double[] values = y.clone();
        ProgressCallback cb = callback == null ? ProgressCallback.NONE : callback;
        return a.hasOrthonormalRows()
                ? ProjectionAdmm.solve(a, values, config, cb)
                : PrimalDualSolver.solve(a, values, config, cb);
    }

    /**
     * Bytes a solve holds at its peak: about twelve rows x cols matrices (iterate, its SVD's U, V
     * and workspace, dual variable, previous iterate, result) plus a sensing operator's stored A_i.
     * Also bounds the PSD variant: its eigenvalue shrinkage (EJML's symmetric eigendecomposition
     * and two buffers of kept eigenvectors) retains about 6 n^2 doubles, the singular-value
     * shrinkage about 10 (both measured at n = 800).
     *
     * @param operatorDoubles doubles the sensing operator holds, 0 for completion
     * @return the estimate, or Long.MAX_VALUE when it overflows 64 bits
     */
    public static long estimateBytes(int rows, int cols, long operatorDoubles) {
        try {
            return Math.multiplyExact(Math.addExact(Math.multiplyExact(12L, Math.multiplyExact((long) rows, cols)),
                    operatorDoubles), 8L);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    public NuclearNormConfig config() {
        return config;
    }
}
