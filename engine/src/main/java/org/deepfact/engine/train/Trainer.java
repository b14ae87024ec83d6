package org.deepfact.engine.train;

import org.deepfact.engine.data.RecoveryProblem;
import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Kernels;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a deep matrix factorization W = W_N ... W_1 on a completion or sensing problem
 * (science.md sections 2-4), or with {@link Factorization#SYMMETRIC} W = P P^T, P = W_{N/2} ... W_1
 * (square problems; the trained and returned factors are then P's). One call, one run; the entry
 * point for the KNIME learner node, the command line and experiments.
 *
 * <p>The iteration loop allocates no arrays: factors, gradients, prefix products and optimiser
 * state are allocated once (the dense kernel's hand-off makes a few small objects per product,
 * 32 bytes or less each once the JIT has compiled the loop; {@code SymmetricFactorizationTest}
 * checks that no matrix is allocated per iteration). The end-to-end matrix and its spectrum are computed only when
 * metrics are due (every {@code logEvery} iterations and at the end). Same seed and settings,
 * same bits, for any thread count.
 */
public final class Trainer {

    /** Progress messages are sent at most this often; cancellation is checked every iteration. */
    private static final long PROGRESS_NANOS = 100_000_000L;

    private Trainer() {
    }

    /**
     * Bytes one run holds at its peak, mirroring the allocations of {@code Run} and its objective:
     * factors, gradients and the chain's per-factor work (dims[j] x cols each), two optimiser
     * state slots per parameter (Adam's; the others need less), the chain's prefix, transposed
     * prefix and back-propagated products, and a few full matrices (end-to-end product, its
     * gradient, the metrics' SVD workspace and the result), plus a sensing operator's stored A_i.
     *
     * @param operatorDoubles doubles the sensing operator holds, 0 for completion
     * @return the estimate, or Long.MAX_VALUE when it overflows 64 bits
     */
    public static long estimateBytes(int rows, int cols, TrainingConfig config, long operatorDoubles) {
        int[] dims = factorDims(rows, cols, config);
        cols = dims[0]; // symmetric: P's width (the chain's column count)
        try {
            long chain = 0;
            for (int j = 1; j < dims.length; j++) {
                chain = Math.addExact(chain, Math.multiplyExact((long) dims[j], cols));
            }
            long matrix = Math.multiplyExact((long) rows, cols);
            if (config.factorization() == Factorization.SYMMETRIC) {
                // W, G and G + G^T (sensing) or the row copies of P and of its gradient (completion)
                matrix = Math.addExact(matrix, Math.multiplyExact(3L * rows, Math.max(rows, cols)));
            }
            long doubles = Math.addExact(Math.addExact(Math.multiplyExact(4, Widths.parameters(dims)),
                    Math.multiplyExact(4, chain)), Math.addExact(Math.multiplyExact(5, matrix), operatorDoubles));
            return Math.multiplyExact(doubles, 8);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * @throws IllegalArgumentException when the configuration does not fit the problem (also a
     *         factor larger than one Java array, see {@link Widths#requireFits})
     * @throws InitialisationOverflowException when the initial loss is already not finite
     * @throws DivergenceException when the loss becomes NaN / infinite or exceeds
     *         divergenceFactor times the initial loss
     * @throws org.deepfact.engine.OperationCanceledException when the callback cancels
     */
    public static TrainingResult train(RecoveryProblem problem, TrainingConfig config, ProgressCallback callback) {
        return train(problem, config, callback, RecordListener.NONE);
    }

    /**
     * {@link #train(RecoveryProblem, TrainingConfig, ProgressCallback)}, also handing every history
     * record and its end-to-end matrix to {@code listener} as it is made.
     */
    public static TrainingResult train(RecoveryProblem problem, TrainingConfig config, ProgressCallback callback,
            RecordListener listener) {
        return train(problem, config, null, callback, listener);
    }

    /**
     * Trains from given factors instead of the configured initialisation (its kind, scale, seed and
     * condition are then unused), e.g. to continue a run or to start from factors an algorithm
     * built. Gradient descent has no state, so continuing a GD run from its factors gives the same
     * iterates as one longer run.
     *
     * @param initial W_1 .. W_N with factor j-1 of shape dims[j] x dims[j-1] (copied), or null; for
     *        the symmetric factorization P's W_1 .. W_{N/2}
     * @throws IllegalArgumentException when the number or a shape of the factors does not fit
     */
    public static TrainingResult train(RecoveryProblem problem, TrainingConfig config, DMatrixRMaj[] initial,
            ProgressCallback callback, RecordListener listener) {
        if (problem == null || config == null) {
            throw new IllegalArgumentException("Problem and configuration must be given");
        }
        ProgressCallback cb = callback == null ? ProgressCallback.NONE : callback;
        int[] dims = factorDims(problem.rows(), problem.cols(), config);
        Widths.requireFits(dims);
        // Symmetric: P's N/2 factors are each drawn as the general depth-N chain's are, so
        // W(0) = P(0) P(0)^T is at the end-to-end scale s (identity: W(0) = s I).
        double scale = config.factorization() == Factorization.SYMMETRIC
                ? Initializer.halfChainScale(dims, config.init(), config.initScale())
                : config.initScale();
        DMatrixRMaj[] factors = initial == null
                ? Initializer.initialize(dims, config.init(), scale, config.seed(), config.initCondition())
                : copyChecked(initial, dims);
        try (DenseKernel kernel = Kernels.dense(config.threads(), cb)) {
            return new Run(problem, config, cb, dims, kernel, listener == null ? RecordListener.NONE : listener,
                    factors).execute();
        }
    }

    /**
     * The trained factors' layer dimensions: the general chain's, or for the symmetric
     * factorization P's (N/2 factors, P of size rows x rows by default).
     *
     * @throws IllegalArgumentException when a symmetric factorization is asked of a non-square problem
     */
    public static int[] factorDims(int rows, int cols, TrainingConfig config) {
        if (config.factorization() == Factorization.SYMMETRIC) {
            if (rows != cols) {
                throw new IllegalArgumentException("The symmetric factorization W = P P^T needs a square problem, got "
                        + rows + " x " + cols);
            }
            return Widths.resolve(rows, rows, config.factorCount(), config.hiddenWidths());
        }
        return Widths.resolve(rows, cols, config.depth(), config.hiddenWidths());
    }

    private static DMatrixRMaj[] copyChecked(DMatrixRMaj[] initial, int[] dims) {
        if (initial.length != dims.length - 1) {
            throw new IllegalArgumentException((dims.length - 1) + " initial factors are needed (W_1 .. W_"
                    + (dims.length - 1) + ", of P for the symmetric factorization), got " + initial.length);
        }
        DMatrixRMaj[] copies = new DMatrixRMaj[initial.length];
        for (int j = 0; j < initial.length; j++) {
            DMatrixRMaj f = initial[j];
            if (f == null || f.numRows != dims[j + 1] || f.numCols != dims[j]) {
                throw new IllegalArgumentException("Initial factor W_" + (j + 1) + " must be " + dims[j + 1] + " x "
                        + dims[j] + ", got " + (f == null ? "none" : f.numRows + " x " + f.numCols));
            }
            for (double v : f.data) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Initial factor W_" + (j + 1) + " has a non-finite entry " + v);
                }
            }
            copies[j] = f.copy();
        }
        return copies;
    }

    /** Holds the preallocated state of one run. */
    private static final class Run {
        private final RecoveryProblem problem;
        private final TrainingConfig config;
        private final ProgressCallback cb;
        private final DenseKernel kernel;
        private final DMatrixRMaj[] factors;
        private final DMatrixRMaj[] grads;
        private final DMatrixRMaj[] chainWork;
        /** W (W_N ... W_1 or P P^T) at the last record; the stop is always recorded, so it ends as the result. */
        private final DMatrixRMaj product;
        private final DMatrixRMaj endToEndGradient;
        private final Objective objective;
        private final Optimizer optimizer;
        private final Metrics metrics;
        private final RecordListener listener;
        private final boolean symmetric;

        Run(RecoveryProblem problem, TrainingConfig config, ProgressCallback cb, int[] dims, DenseKernel kernel,
                RecordListener listener, DMatrixRMaj[] factors) {
            this.listener = listener;
            this.problem = problem;
            this.config = config;
            this.cb = cb;
            this.kernel = kernel;
            int depth = dims.length - 1;
            this.factors = factors;
            grads = new DMatrixRMaj[depth];
            chainWork = new DMatrixRMaj[depth];
            for (int j = 0; j < depth; j++) {
                grads[j] = new DMatrixRMaj(dims[j + 1], dims[j]);
                chainWork[j] = new DMatrixRMaj(dims[j + 1], dims[0]);
            }
            product = new DMatrixRMaj(problem.rows(), problem.cols());
            endToEndGradient = new DMatrixRMaj(problem.rows(), problem.cols());
            symmetric = config.factorization() == Factorization.SYMMETRIC;
            objective = symmetric ? new SymmetricObjective(problem, dims, kernel, cb)
                    : Objective.of(problem, dims, kernel, cb);
            optimizer = Optimizer.create(config.optimizer(), config.learningRate(), dims);
            metrics = new Metrics(problem, config, kernel);
        }

        TrainingResult execute() {
            List<HistoryRecord> history = new ArrayList<>();
            long start = System.nanoTime();
            long lastProgress = start;
            double initialLoss = Double.NaN;
            long t = 0;
            StopReason reason;
            while (true) {
                double loss = objective.evaluate(factors, grads);
                if (t == 0) {
                    initialLoss = loss;
                    if (!Double.isFinite(loss)) {
                        throw new InitialisationOverflowException(config.initScale(), config.depth(), loss);
                    }
                }
                if (!Double.isFinite(loss) || loss > config.divergenceFactor() * Math.max(initialLoss, 1e-300)) {
                    throw new DivergenceException(config.learningRate(), t, loss, initialLoss);
                }
                boolean converged = loss <= config.lossThreshold();
                boolean capped = t >= config.maxIterations();
                if (converged || capped || t % config.logEvery() == 0
                        || (config.stepCheck() && t % config.logEvery() == 1)) {
                    history.add(record(t, loss, start));
                }
                if (converged || capped) {
                    reason = converged ? StopReason.CONVERGED : StopReason.MAX_ITERATIONS;
                    break;
                }
                optimizer.step(factors, grads);
                t++;
                cb.checkCanceled();
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_NANOS) {
                    lastProgress = now;
                    cb.progress(fraction(t, loss, initialLoss), "iteration " + t + " / " + config.maxIterations()
                            + ", loss " + String.format(java.util.Locale.ROOT, "%.3e", loss));
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            DMatrixRMaj[] copies = new DMatrixRMaj[factors.length];
            for (int j = 0; j < factors.length; j++) {
                copies[j] = factors[j].copy();
            }
            cb.progress(1.0, "stopped: " + reason.id() + " after " + t + " iterations");
            // The stopping iteration was just recorded: product holds the final W.
            return new TrainingResult(product.copy(), copies, history, reason, t, seconds);
        }

        /** Progress: the larger of iterations used and log-loss travelled toward the threshold. */
        private double fraction(long t, double loss, double initialLoss) {
            double byIterations = config.maxIterations() == 0 ? 1 : (double) t / config.maxIterations();
            double byLoss = 0;
            if (config.lossThreshold() > 0 && initialLoss > config.lossThreshold() && loss > 0) {
                byLoss = Math.log(initialLoss / loss) / Math.log(initialLoss / config.lossThreshold());
            }
            return Math.max(0, Math.min(1, Math.max(byIterations, byLoss)));
        }

        private HistoryRecord record(long t, double loss, long start) {
            endToEnd(product);
            if (config.alignment() || config.stepCheck()) { // the only users of dL/dW
                objective.endToEndGradient(endToEndGradient);
            }
            double gradNorm = Math.sqrt(Optimizer.squaredNorm(grads));
            HistoryRecord r = metrics.record(t, loss, product, endToEndGradient, optimizer.lastStepSize(), gradNorm,
                    (System.nanoTime() - start) * 1e-9);
            listener.recorded(r, product);
            return r;
        }

        /** out = W_N ... W_1, or P P^T, through the kernel (same bits for any thread count). */
        private void endToEnd(DMatrixRMaj out) {
            int k = factors.length;
            if (symmetric) {
                DMatrixRMaj p = k == 1 ? factors[0] : chainWork[k - 1];
                chainProduct(p);
                kernel.multTransB(p, p, out);
            } else {
                chainProduct(out);
            }
        }

        /** out = the product of all factors (out may be chainWork[last]). */
        private void chainProduct(DMatrixRMaj out) {
            if (factors.length == 1) {
                if (out != factors[0]) {
                    out.setTo(factors[0]);
                }
                return;
            }
            DMatrixRMaj prev = factors[0];
            for (int j = 1; j < factors.length; j++) {
                DMatrixRMaj target = j == factors.length - 1 ? out : chainWork[j];
                kernel.mult(factors[j], prev, target);
                prev = target;
            }
        }
    }
}
