package org.deepfact.engine.tensor;

import org.deepfact.engine.optim.OptimizerKind;

/**
 * Settings of one CP factorization run, immutable, with the defaults of the authors' tensor
 * completion experiment ({@code noamrazin/imp_reg_in_tf}, tensor_sensing_experiment.py):
 * R = the maximal rank bound of the shape, factor entries i.i.d. N(0, 0.005^2), GroupRMSprop
 * lr 1e-2 with eps 1e-6, stop at train loss 1e-8 or 10^6 iterations, a record every 25
 * iterations with the top 10 component norms. Build with {@link #builder()}.
 */
public final class CpConfig {

    /** The authors' GroupRMSprop epsilon for tensors (their matrix code uses 1e-4). */
    public static final double GROUP_RMSPROP_EPS = 1e-6;

    /** How the loss and gradient are computed; the numbers agree to rounding, the speed does not. */
    public enum Route {
        /** Unfolded unless the unfolding has more rows and columns than m N. */
        AUTO,
        /** Entry by entry with N-fold products of factor rows. */
        ENTRIES,
        /** Through the unfolding's Khatri-Rao rows, shared by the entries in them. */
        UNFOLDED
    }

    private final int components;
    private final double initStd;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final long maxIterations;
    private final double lossThreshold;
    private final long logEvery;
    private final long seed;
    private final int threads;
    private final int topK;
    private final double rankTolerance;
    private final double divergenceFactor;
    private final Route route;

    private CpConfig(Builder b) {
        components = b.components;
        initStd = b.initStd;
        optimizer = b.optimizer;
        learningRate = b.learningRate;
        maxIterations = b.maxIterations;
        lossThreshold = b.lossThreshold;
        logEvery = b.logEvery;
        seed = b.seed;
        threads = b.threads;
        topK = b.topK;
        rankTolerance = b.rankTolerance;
        divergenceFactor = b.divergenceFactor;
        route = b.route;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder().components(components).initStd(initStd).optimizer(optimizer).learningRate(learningRate)
                .maxIterations(maxIterations).lossThreshold(lossThreshold).logEvery(logEvery).seed(seed)
                .threads(threads).topK(topK).rankTolerance(rankTolerance).divergenceFactor(divergenceFactor).route(route);
    }

    /** @return R, or 0 for the shape's maximal rank bound ({@link TensorShape#maxRank()}) */
    public int components() {
        return components;
    }

    /** @return R for the given shape */
    public int components(TensorShape shape) {
        return components == 0 ? shape.maxRank() : components;
    }

    /** @return s: every factor entry starts i.i.d. N(0, s^2) */
    public double initStd() {
        return initStd;
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

    public long logEvery() {
        return logEvery;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    /** @return how many of the largest component norms each record keeps */
    public int topK() {
        return topK;
    }

    /**
     * @return tau: a component counts towards the learned tensor rank when its norm is at least
     *         tau times sqrt(number of entries * mean observed value^2), the Frobenius norm the
     *         observations imply (1 for the paper's normalised ground truth)
     */
    public double rankTolerance() {
        return rankTolerance;
    }

    public double divergenceFactor() {
        return divergenceFactor;
    }

    public Route route() {
        return route;
    }

    @Override
    public String toString() {
        return "CpConfig[R=" + (components == 0 ? "max" : components) + ", initStd=" + initStd + ", optimizer="
                + optimizer + ", lr=" + learningRate + ", maxIterations=" + maxIterations + ", lossThreshold="
                + lossThreshold + ", logEvery=" + logEvery + ", seed=" + seed + ", threads=" + threads + "]";
    }

    /** Mutable builder; every setter returns this. */
    public static final class Builder {
        private int components;
        private double initStd = 5e-3;
        private OptimizerKind optimizer = OptimizerKind.GROUP_RMSPROP;
        private double learningRate = 1e-2;
        private long maxIterations = 1_000_000;
        private double lossThreshold = 1e-8;
        private long logEvery = 25;
        private long seed;
        private int threads = 1;
        private int topK = 10;
        private double rankTolerance = 0.05;
        private double divergenceFactor = 1e4;
        private Route route = Route.AUTO;

        private Builder() {
        }

        /** @param v R, or 0 for the shape's maximal rank bound */
        public Builder components(int v) {
            components = v;
            return this;
        }

        public Builder initStd(double v) {
            initStd = v;
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

        public Builder rankTolerance(double v) {
            rankTolerance = v;
            return this;
        }

        public Builder divergenceFactor(double v) {
            divergenceFactor = v;
            return this;
        }

        public Builder route(Route v) {
            route = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public CpConfig build() {
            require(components >= 0, "Number of CP components must be >= 1 (or 0 for the maximal rank), got " + components);
            require(initStd > 0 && initStd < Double.POSITIVE_INFINITY,
                    "Initialisation standard deviation must be finite and > 0, got " + initStd);
            require(optimizer != null, "Optimizer must be given");
            require(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY,
                    "Learning rate must be finite and > 0, got " + learningRate);
            require(maxIterations >= 0, "Maximum iterations must be >= 0, got " + maxIterations);
            require(lossThreshold >= 0 && lossThreshold < Double.POSITIVE_INFINITY,
                    "Loss threshold must be finite and >= 0, got " + lossThreshold);
            require(logEvery >= 1, "Log interval must be >= 1, got " + logEvery);
            require(threads >= 1, "Thread count must be >= 1, got " + threads);
            require(topK >= 0, "Number of recorded component norms must be >= 0, got " + topK);
            require(rankTolerance >= 0 && rankTolerance < Double.POSITIVE_INFINITY,
                    "Rank tolerance must be finite and >= 0, got " + rankTolerance);
            require(route != null, "Route must be given");
            require(divergenceFactor > 1, "Divergence factor must be > 1, got " + divergenceFactor);
            return new CpConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
