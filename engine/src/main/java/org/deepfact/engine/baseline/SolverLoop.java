package org.deepfact.engine.baseline;

import org.deepfact.engine.ProgressCallback;
import org.ejml.data.DMatrixRMaj;

/**
 * The bookkeeping both nuclear-norm methods share: the iteration count and cap, a cancellation
 * check per iteration, the stopping test on the relative residuals, progress every
 * {@value #PROGRESS_EVERY} iterations, the timing and the final report. The numerical steps
 * stay in the methods.
 */
final class SolverLoop {

    private static final int PROGRESS_EVERY = 25;

    private final NuclearNormConfig config;
    private final ProgressCallback callback;
    private final long start = System.nanoTime();
    private int iteration;
    private double primal = Double.NaN;
    private double dual = Double.NaN;
    private double nuclear;
    private boolean converged;

    SolverLoop(NuclearNormConfig config, ProgressCallback callback) {
        this.config = config;
        this.callback = callback;
    }

    /**
     * Starts the next iteration unless the cap is reached.
     *
     * @throws org.deepfact.engine.OperationCanceledException when the callback cancels
     */
    boolean next() {
        if (iteration >= config.maxIterations()) {
            return false;
        }
        iteration++;
        callback.checkCanceled();
        return true;
    }

    /** @return the current iteration, 1-based */
    int iteration() {
        return iteration;
    }

    /**
     * Records this iteration's relative residuals and nuclear norm.
     *
     * @return true when both residuals are within the configured tolerance
     */
    boolean converged(double primalResidual, double dualResidual, double nuclearNorm) {
        primal = primalResidual;
        dual = dualResidual;
        nuclear = nuclearNorm;
        converged = primal <= config.tolerance() && dual <= config.tolerance();
        return converged;
    }

    /** @return true when this iteration should report progress (format the message only then) */
    boolean progressDue() {
        return iteration % PROGRESS_EVERY == 0;
    }

    void progress(String message) {
        callback.progress((double) iteration / config.maxIterations(), message);
    }

    /**
     * @param x the solution (handed to the result, not copied)
     * @param buffer scratch of length m for measuring the constraint violation of x
     */
    NuclearNormResult finish(String method, LinearConstraints a, double[] y, DMatrixRMaj x, double[] buffer) {
        double seconds = (System.nanoTime() - start) * 1e-9;
        double violation = Violation.max(a, y, config.epsilon(), x, buffer);
        return new NuclearNormResult(x, new NuclearNormReport(method, converged, iteration, primal, dual, nuclear,
                violation, seconds));
    }
}
