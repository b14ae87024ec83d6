package org.deepfact.engine.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.optim.GroupRmsProp;
import org.deepfact.engine.optim.Optimizer;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.StopReason;
import org.ejml.data.DMatrixRMaj;

/**
 * Fits a CP factorization with R components to observed tensor entries by full-batch gradient
 * steps on the mean squared error (Razin, Maman, Cohen, ICML 2021). One call, one run; the
 * entry point for the KNIME Tensor Factorization Learner, the command line and the sweeps.
 *
 * <p>The optimisers are the matrix engine's ({@link Optimizer}: GD, Adam, GroupRMSprop) applied
 * to all factor entries as one parameter vector, which is what the authors' optimisers see
 * (GroupRMSprop: one step size from the norm of the whole gradient). The iteration loop
 * allocates nothing; metrics, which need the dense tensor, are computed only at records. Same
 * seed and settings, same bits, for any thread count.
 */
public final class CpTrainer {

    private static final long PROGRESS_NANOS = 100_000_000L;

    private CpTrainer() {
    }

    /**
     * @throws IllegalArgumentException when the configuration does not fit the problem
     * @throws DivergenceException when the loss becomes NaN / infinite or grows by the divergence factor
     * @throws org.deepfact.engine.OperationCanceledException when the callback cancels
     */
    public static CpResult train(TensorProblem problem, CpConfig config, ProgressCallback callback) {
        if (problem == null || config == null) {
            throw new IllegalArgumentException("Problem and configuration must be given");
        }
        ProgressCallback cb = callback == null ? ProgressCallback.NONE : callback;
        try (WorkerPool pool = new WorkerPool(config.threads())) {
            return new Run(problem, config, cb, pool).execute();
        }
    }

    /**
     * The initial factors of a run: every entry i.i.d. N(0, s^2), drawn mode by mode, row by row,
     * from one stream seeded with {@code seed}.
     */
    public static double[][] initialFactors(TensorShape shape, int rank, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] f = new double[shape.order()][];
        for (int n = 0; n < shape.order(); n++) {
            f[n] = new double[shape.dim(n) * rank];
            for (int e = 0; e < f[n].length; e++) {
                f[n][e] = std * rng.nextGaussian();
            }
        }
        return f;
    }

    /** The preallocated state of one run. */
    private static final class Run {
        private final CpConfig config;
        private final ProgressCallback cb;
        private final TensorShape shape;
        private final int rank;
        private final CpLoss objective;
        /** The optimiser's view: all factor entries as one vector, gradients likewise. */
        private final DMatrixRMaj[] params;
        private final DMatrixRMaj[] grads;
        private final Optimizer optimizer;
        private final CpMetrics metrics;

        Run(TensorProblem problem, CpConfig config, ProgressCallback cb, WorkerPool pool) {
            this.config = config;
            this.cb = cb;
            shape = problem.shape();
            rank = config.components(shape);
            long total = 0;
            for (int n = 0; n < shape.order(); n++) {
                total += (long) shape.dim(n) * rank;
            }
            if (total > 100_000_000L) {
                throw new IllegalArgumentException("CP factorization with " + rank + " components of a " + shape
                        + " tensor has " + total + " parameters; at most 100000000 are supported");
            }
            double[][] init = initialFactors(shape, rank, config.initStd(), config.seed());
            objective = CpLoss.create(problem.observed(), rank, config.route(), pool);
            params = new DMatrixRMaj[] {new DMatrixRMaj((int) total, 1)};
            grads = new DMatrixRMaj[] {new DMatrixRMaj((int) total, 1)};
            int o = 0;
            for (double[] f : init) { // the vector layout is the factors' row-major layout, mode after mode
                System.arraycopy(f, 0, params[0].data, o, f.length);
                o += f.length;
            }
            objective.load(params[0].data);
            optimizer = config.optimizer() == OptimizerKind.GROUP_RMSPROP
                    ? new GroupRmsProp(config.learningRate(), CpConfig.GROUP_RMSPROP_EPS)
                    : Optimizer.create(config.optimizer(), config.learningRate(), new int[] {1, (int) total});
            metrics = new CpMetrics(problem, rank, config);
        }

        CpResult execute() {
            List<CpHistoryRecord> history = new ArrayList<>();
            long start = System.nanoTime();
            long lastProgress = start;
            double initialLoss = Double.NaN;
            long t = 0;
            StopReason reason;
            while (true) {
                double loss = objective.evaluate();
                if (t == 0) {
                    initialLoss = loss;
                }
                if (!Double.isFinite(loss) || loss > config.divergenceFactor() * Math.max(initialLoss, 1e-300)) {
                    throw new DivergenceException(config.learningRate(), t, loss, initialLoss);
                }
                objective.gradient(grads[0].data);
                boolean converged = loss <= config.lossThreshold();
                boolean capped = t >= config.maxIterations();
                if (converged || capped || t % config.logEvery() == 0) {
                    history.add(metrics.record(t, loss, params[0].data, optimizer.lastStepSize(), norm(grads[0].data),
                            (System.nanoTime() - start) * 1e-9));
                }
                if (converged || capped) {
                    reason = converged ? StopReason.CONVERGED : StopReason.MAX_ITERATIONS;
                    break;
                }
                optimizer.step(params, grads);
                objective.load(params[0].data);
                t++;
                cb.checkCanceled();
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_NANOS) {
                    lastProgress = now;
                    cb.progress(fraction(t, loss, initialLoss), "iteration " + t + " / " + config.maxIterations()
                            + ", loss " + String.format(Locale.ROOT, "%.3e", loss));
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            cb.progress(1.0, "stopped: " + reason.id() + " after " + t + " iterations");
            CpTensor cp = new CpTensor(shape, rank, modeFactors());
            return new CpResult(cp, metrics.completed(), metrics.componentNorms(), history, reason, t, seconds);
        }

        private double fraction(long t, double loss, double initialLoss) {
            double byIterations = config.maxIterations() == 0 ? 1 : (double) t / config.maxIterations();
            double byLoss = 0;
            if (config.lossThreshold() > 0 && initialLoss > config.lossThreshold() && loss > 0) {
                byLoss = Math.log(initialLoss / loss) / Math.log(initialLoss / config.lossThreshold());
            }
            return Math.max(0, Math.min(1, Math.max(byIterations, byLoss)));
        }

        private static double norm(double[] g) {
            double s = 0;
            for (double v : g) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        private double[][] modeFactors() {
            return CpMetrics.split(shape, rank, params[0].data, null);
        }
    }
}
