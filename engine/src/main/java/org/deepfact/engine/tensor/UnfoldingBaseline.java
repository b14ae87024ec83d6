package org.deepfact.engine.tensor;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;

/**
 * The paper's comparison: complete the tensor as a matrix. The observed entries are unfolded
 * ({@link Unfolding}) and handed to the matrix engine, minimum nuclear norm or deep matrix
 * factorization. The matrix engine's defaults (init scale, learning rate, eps = 1e-3 of the
 * nuclear norm constraint) are those of the matrix paper, whose entries have unit mean square;
 * so the observations are scaled to unit mean square first and the result scaled back. Errors
 * are relative and do not change with the scale.
 */
public final class UnfoldingBaseline {

    /**
     * @param completed the completed tensor, dense row-major
     * @param iterations solver or optimiser iterations
     * @param stopReason "converged", "max_iterations" or the solver's verdict
     * @param trainLoss mean squared residual on the observed entries, in the tensor's scale
     */
    public record Result(double[] completed, long iterations, String stopReason, double trainLoss, double seconds) {
    }

    private UnfoldingBaseline() {
    }

    /** Minimum nuclear norm of the unfolding, subject to the observations (to eps, in unit-RMS scale). */
    public static Result nuclearNorm(TensorProblem problem, NuclearNormConfig config, ProgressCallback cb) {
        Unfolding u = new Unfolding(problem.shape());
        double c = unitScale(problem.observed());
        Observations obs = u.entries(problem.observed(), c);
        NuclearNormResult r = new NuclearNormSolver(config).solve(RecoveryProblem.completion(obs), cb);
        double[] t = u.tensor(r.solution(), 1 / c);
        return new Result(t, r.report().iterations(), r.report().converged() ? "converged" : "max_iterations",
                loss(problem.observed(), t), r.report().seconds());
    }

    /** Deep matrix factorization of the unfolding (the matrix Trainer with the given settings). */
    public static Result deepFactorization(TensorProblem problem, TrainingConfig config, ProgressCallback cb) {
        Unfolding u = new Unfolding(problem.shape());
        double c = unitScale(problem.observed());
        TrainingResult r = Trainer.train(RecoveryProblem.completion(u.entries(problem.observed(), c)), config, cb);
        double[] t = u.tensor(r.endToEnd(), 1 / c);
        return new Result(t, r.iterations(), r.stopReason().id(), loss(problem.observed(), t), r.seconds());
    }

    /** @return c such that the scaled observations have mean square 1 */
    static double unitScale(TensorEntries observed) {
        double ms = observed.meanSquare();
        return ms > 0 ? 1 / Math.sqrt(ms) : 1;
    }

    private static double loss(TensorEntries observed, double[] t) {
        double s = 0;
        for (int k = 0; k < observed.size(); k++) {
            double d = t[observed.linear(k)] - observed.value(k);
            s += d * d;
        }
        return s / observed.size();
    }
}
