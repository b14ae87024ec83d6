package org.deepfact.engine.train;

import java.util.Arrays;

import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;

/**
 * All training settings, immutable, with the paper's defaults (science.md): depth 3, hidden
 * widths = cols, gaussian init s = 1e-3, GroupRMSprop lr 1e-3, stop at loss 1e-6 or 10^6
 * iterations. Build with {@link #builder()}; {@link Builder#build()} validates and names the
 * offending setting.
 */
public final class TrainingConfig {

    private final int depth;
    private final int[] hiddenWidths;
    private final InitKind init;
    private final double initScale;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final long maxIterations;
    private final double lossThreshold;
    private final long logEvery;
    private final long seed;
    private final int threads;
    private final int topK;
    private final double divergenceFactor;
    private final double rankTolerance;
    private final boolean alignment;
    private final InitCondition initCondition;
    private final boolean stepCheck;
    private final Factorization factorization;

    private TrainingConfig(Builder b) {
        depth = b.depth;
        hiddenWidths = b.hiddenWidths == null ? null : b.hiddenWidths.clone();
        init = b.init;
        initScale = b.initScale;
        optimizer = b.optimizer;
        learningRate = b.learningRate;
        maxIterations = b.maxIterations;
        lossThreshold = b.lossThreshold;
        logEvery = b.logEvery;
        seed = b.seed;
        threads = b.threads;
        topK = b.topK;
        divergenceFactor = b.divergenceFactor;
        rankTolerance = b.rankTolerance;
        alignment = b.alignment;
        initCondition = b.initCondition;
        stepCheck = b.stepCheck;
        factorization = b.factorization;
    }

    /** @return a builder holding the paper's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.depth = depth;
        b.hiddenWidths = hiddenWidths;
        b.init = init;
        b.initScale = initScale;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.maxIterations = maxIterations;
        b.lossThreshold = lossThreshold;
        b.logEvery = logEvery;
        b.seed = seed;
        b.threads = threads;
        b.topK = topK;
        b.divergenceFactor = divergenceFactor;
        b.rankTolerance = rankTolerance;
        b.alignment = alignment;
        b.initCondition = initCondition;
        b.stepCheck = stepCheck;
        b.factorization = factorization;
        return b;
    }

    public int depth() {
        return depth;
    }

    /** @return a copy of the N-1 hidden widths (symmetric: P's N/2 - 1), or null for the default (all = cols) */
    public int[] hiddenWidths() {
        return hiddenWidths == null ? null : hiddenWidths.clone();
    }

    public InitKind init() {
        return init;
    }

    public double initScale() {
        return initScale;
    }

    public OptimizerKind optimizer() {
        return optimizer;
    }

    public double learningRate() {
        return learningRate;
    }

    public long maxIterations() {
        return maxIterations;
    }

    public double lossThreshold() {
        return lossThreshold;
    }

    /** @return metrics are recorded at every multiple of this iteration and at the end */
    public long logEvery() {
        return logEvery;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    /** @return how many leading singular values each history record keeps */
    public int topK() {
        return topK;
    }

    /** @return divergence is declared when loss &gt; factor * initial loss */
    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** @return numerical rank counts sigma_i &gt; tolerance * sigma_1 */
    public double rankTolerance() {
        return rankTolerance;
    }

    /** @return whether records include the gradient/singular-vector alignment (needs a full SVD) */
    public boolean alignment() {
        return alignment;
    }

    /** @return the condition W(0) must meet, e.g. a positive determinant (default: none) */
    public InitCondition initCondition() {
        return initCondition;
    }

    /**
     * @return whether every record at t = k logEvery is followed by one at t + 1, and records carry
     *         u_r^T G v_r of the top singular pairs, so that {@code theory.DynamicsCheck} can compare
     *         each measured step of sigma_r with the theory (implies {@link #alignment()}'s SVD)
     */
    public boolean stepCheck() {
        return stepCheck;
    }

    /**
     * @return general (W = W_N ... W_1) or symmetric (W = P P^T, P = W_{N/2} ... W_1; then
     *         {@link #depth()} is the end-to-end N, the hidden widths are P's N/2 - 1, and the
     *         factors trained and returned are P's)
     */
    public Factorization factorization() {
        return factorization;
    }

    /** @return the number of trained factors: N, or N/2 for the symmetric factorization */
    public int factorCount() {
        return factorization.factorCount(depth);
    }

    @Override
    public String toString() {
        return "TrainingConfig[depth=" + depth + ", widths=" + Arrays.toString(hiddenWidths) + ", init=" + init
                + ", s=" + initScale + ", optimizer=" + optimizer + ", lr=" + learningRate + ", maxIterations="
                + maxIterations + ", lossThreshold=" + lossThreshold + ", logEvery=" + logEvery + ", seed=" + seed
                + ", threads=" + threads + ", factorization=" + factorization.id() + "]";
    }

    /** Mutable builder; every setter returns this. */
    public static final class Builder {
        private int depth = 3;
        private int[] hiddenWidths;
        private InitKind init = InitKind.GAUSSIAN;
        private double initScale = 1e-3;
        private OptimizerKind optimizer = OptimizerKind.GROUP_RMSPROP;
        private double learningRate = 1e-3;
        private long maxIterations = 1_000_000;
        private double lossThreshold = 1e-6;
        private long logEvery = 100;
        private long seed;
        private int threads = 1;
        private int topK = 10;
        private double divergenceFactor = 1e4;
        private double rankTolerance = 1e-3;
        // Off by default: it costs a full SVD with vectors and the end-to-end gradient per record.
        private boolean alignment = false;
        private boolean stepCheck = false;
        private InitCondition initCondition = InitCondition.NONE;
        private Factorization factorization = Factorization.GENERAL;

        private Builder() {
        }

        public Builder depth(int v) {
            depth = v;
            return this;
        }

        /** @param v N-1 hidden widths, or null for all = cols */
        public Builder hiddenWidths(int... v) {
            hiddenWidths = v == null ? null : v.clone();
            return this;
        }

        public Builder init(InitKind v) {
            init = v;
            return this;
        }

        public Builder initScale(double v) {
            initScale = v;
            return this;
        }

        public Builder optimizer(OptimizerKind v) {
            optimizer = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder maxIterations(long v) {
            maxIterations = v;
            return this;
        }

        public Builder lossThreshold(double v) {
            lossThreshold = v;
            return this;
        }

        public Builder logEvery(long v) {
            logEvery = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder topK(int v) {
            topK = v;
            return this;
        }

        public Builder divergenceFactor(double v) {
            divergenceFactor = v;
            return this;
        }

        public Builder rankTolerance(double v) {
            rankTolerance = v;
            return this;
        }

        public Builder alignment(boolean v) {
            alignment = v;
            return this;
        }

        public Builder initCondition(InitCondition v) {
            initCondition = v;
            return this;
        }

        public Builder stepCheck(boolean v) {
            stepCheck = v;
            return this;
        }

        public Builder factorization(Factorization v) {
            factorization = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public TrainingConfig build() {
            require(depth >= 1, "Depth must be >= 1, got " + depth);
            require(init != null, "Initialisation must be given");
            require(initCondition != null, "Initialisation condition must be given");
            require(initScale > 0 && initScale < Double.POSITIVE_INFINITY,
                    "Initialisation scale must be finite and > 0, got " + initScale);
            require(optimizer != null, "Optimizer must be given");
            require(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY,
                    "Learning rate must be finite and > 0, got " + learningRate);
            require(maxIterations >= 0, "Maximum iterations must be >= 0, got " + maxIterations);
            require(lossThreshold >= 0 && lossThreshold < Double.POSITIVE_INFINITY,
                    "Loss threshold must be finite and >= 0, got " + lossThreshold);
            require(logEvery >= 1, "Log interval must be >= 1, got " + logEvery);
            require(threads >= 1, "Thread count must be >= 1, got " + threads);
            require(topK >= 0, "Number of recorded singular values must be >= 0, got " + topK);
            require(divergenceFactor > 1, "Divergence factor must be > 1, got " + divergenceFactor);
            require(rankTolerance >= 0 && rankTolerance < Double.POSITIVE_INFINITY,
                    "Rank tolerance must be finite and >= 0, got " + rankTolerance);
            require(factorization != null, "Factorization must be given");
            boolean symmetric = factorization == Factorization.SYMMETRIC;
            if (symmetric) {
                require(depth % 2 == 0, "The symmetric factorization W = P P^T needs an even depth (2, 4, ...), got "
                        + depth);
                require(initCondition == InitCondition.NONE, "Initialisation condition " + initCondition.id()
                        + " does not apply to the symmetric factorization: det(P P^T) >= 0 always");
            }
            if (hiddenWidths != null) {
                int wanted = factorization.factorCount(depth) - 1;
                require(hiddenWidths.length == wanted, "Depth " + depth + " needs " + wanted + " hidden widths"
                        + (symmetric ? " (of P in the symmetric W = P P^T)" : "") + ", got " + hiddenWidths.length);
                for (int j = 0; j < hiddenWidths.length; j++) {
                    require(hiddenWidths[j] >= 1, "Hidden width " + (j + 1) + " must be >= 1, got " + hiddenWidths[j]);
                }
            }
            return new TrainingConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
