package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;

/**
 * Razin and Cohen, "Implicit Regularization in Deep Learning May Not Be Explainable by Norms"
 * (NeurIPS 2020): the 2 x 2 completion problem with W_12 = W_21 = 1 and W_22 = 0 observed and W_11
 * unobserved. Every matrix that fits the observations has det W = -W_12 W_21 = -1 near it, but a
 * depth >= 2 factorization started balanced with det W(0) &gt; 0 cannot change the sign of det W
 * under gradient flow; so as the loss falls |W_11| (and with it every norm) must grow like
 * 1 / sqrt(loss), while the effective rank falls to 1. From the authors' unbalanced near-zero
 * start det W can cross zero (it does at depths 2 and 3, early); depths 3 and 4 blow up anyway,
 * through their bias to rank one (docs/reproduce.md).
 *
 * <p>Setup of the authors' code: Gaussian factors with per-factor standard deviation alpha
 * (8e-3), resampled until det W(0) &gt; 0 (here: one draw, sign fixed, see {@link InitCondition}),
 * plain gradient descent at lr 5e-3 on the mean squared error, stop at loss 1e-4.
 *
 * @param depths depths to compare (the paper: 2, 3, 4)
 * @param factorStd standard deviation alpha of each factor's entries
 * @param learningRate gradient-descent step size
 * @param maxIterations iteration cap
 * @param lossThreshold stop when the train loss is at most this
 * @param logEvery record every this many iterations
 * @param condition the sign of det W(0)
 * @param seed master seed
 */
public record NormsExperiment(List<Integer> depths, InitKind init, double alpha, double learningRate, long maxIterations,
        double lossThreshold, long logEvery, InitCondition condition, long seed) {

    /** Copies the depth list. */
    public NormsExperiment {
        depths = List.copyOf(depths);
    }

    /**
     * One recorded iteration.
     *
     * @param w11 the unobserved entry W_11 (signed)
     * @param determinant det W
     */
    public record Point(long iteration, double trainLoss, double w11, double w12, double w21, double w22,
            double nuclearNorm, double frobeniusNorm, double spectralNorm, double effectiveRank, double determinant) {
    }

    /** One depth's run: the training result and every recorded point, first to last. */
    public record Trajectory(int depth, long initSeed, TrainingResult result, List<Point> points) {

        /** Copies the points. */
        public Trajectory {
            points = List.copyOf(points);
        }

        /** @return the point at the final iteration */
        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    /** @return the problem: W_12 = W_21 = 1 and W_22 = 0 observed, W_11 not */
    public static RecoveryProblem problem() {
        return RecoveryProblem.completion(Observations.of(2, 2, new int[] {0, 1, 1}, new int[] {1, 0, 1},
                new double[] {1, 1, 0}));
    }

    /**
     * The engine's init scale s for the authors' alpha. Random factors (gaussian, uniform): alpha is
     * each factor's standard deviation, as in the authors' code; the engine's is s^(1/N) / sqrt(2)
     * for a 2 x 2 factor, so s = (alpha sqrt(2))^N. Balanced kinds (identity, orthogonal): alpha is
     * the scale of W(0) itself, as in the authors' balanced option, so s = alpha (identity:
     * W(0) = alpha I; orthogonal: W(0) = sqrt(2) alpha Q, entries of RMS alpha).
     */
    public static double initScale(InitKind init, double alpha, int depth) {
        return switch (init) {
            case GAUSSIAN, UNIFORM -> Math.pow(alpha * Math.sqrt(2), depth);
            case IDENTITY, ORTHOGONAL -> alpha;
        };
    }

    /**
     * A lower bound every fitting iterate with det W &gt; 0 obeys: each squared residual is at most 3L
     * (L = mean over the 3 observations), so with d = sqrt(3L) &lt; 1, |W_12 W_21| &gt;= (1 - d)^2 and
     * |W_22| &lt;= d, and det W = W_11 W_22 - W_12 W_21 &gt; 0 forces |W_11| &gt; (1 - d)^2 / d.
     *
     * @return the bound, or 0 when the loss is too large for it (d &gt;= 1)
     */
    public static double w11LowerBound(double trainLoss) {
        double d = Math.sqrt(3 * trainLoss);
        return d >= 1 ? 0 : (1 - d) * (1 - d) / d;
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        if (depths.isEmpty()) {
            throw new IllegalArgumentException("At least one depth is needed");
        }
        for (int d : depths) {
            if (d < 1) {
                throw new IllegalArgumentException("Depth must be >= 1, got " + d);
            }
        }
        if (init == null) {
            throw new IllegalArgumentException("Initialisation must be given");
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Initialisation scale alpha must be finite and > 0, got " + alpha);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Learning rate must be finite and > 0, got " + learningRate);
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("Log interval must be >= 1, got " + logEvery);
        }
        if (condition == null) {
            throw new IllegalArgumentException("Initialisation condition must be given");
        }
    }

    /** @return the seed of depth {@code depth}'s initialisation */
    public long initSeed(int depth) {
        return Seeds.derive(seed, Seeds.key("norms-init", "depth", depth));
    }

    /** @return the training settings of one depth */
    public TrainingConfig config(int depth) {
        return TrainingConfig.builder()
                .depth(depth)
                .init(init)
                .initScale(initScale(init, alpha, depth))
                .initCondition(condition)
                .optimizer(OptimizerKind.GD)
                .learningRate(learningRate)
                .maxIterations(maxIterations)
                .lossThreshold(lossThreshold)
                .logEvery(logEvery)
                .topK(2)
                .alignment(false)
                .seed(initSeed(depth))
                .threads(1)
                .build();
    }

    /**
     * @return one trajectory per depth, in the order of {@link #depths()}; the same numbers for any
     *         thread count
     * @throws IllegalArgumentException naming an invalid setting
     */
    public List<Trajectory> execute(int threads, SweepRunner.Listener listener, ProgressCallback cancel) {
        validate();
        RecoveryProblem problem = problem();
        List<SweepRunner.Task<Trajectory>> tasks = new ArrayList<>();
        for (int depth : depths) {
            TrainingConfig config = config(depth);
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return "norms depth=" + depth;
                }

                @Override
                public double weight() {
                    return depth;
                }

                @Override
                public Trajectory run(ProgressCallback callback) {
                    Thinning kept = new Thinning();
                    TrainingResult r = Trainer.train(problem, config, callback,
                            (rec, w) -> kept.offer(point(rec.iteration(), rec.trainLoss(), w)));
                    return new Trajectory(depth, config.seed(), r, kept.points());
                }
            });
        }
        return SweepRunner.run(tasks, threads, listener, cancel);
    }

    /**
     * Keeps a record when the iteration grew by 1% or the loss fell by 1% since the last one kept,
     * and always the first and the last: runs of millions of iterations give a few thousand points
     * that are dense where something happens, on the log axes the charts use.
     */
    private static final class Thinning {
        private final List<Point> points = new ArrayList<>();
        private Point pending;

        void offer(Point p) {
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || p.iteration() >= 1.01 * last.iteration() || p.trainLoss() <= 0.99 * last.trainLoss()) {
                points.add(p);
                pending = null;
            } else {
                pending = p;
            }
        }

        List<Point> points() {
            List<Point> all = new ArrayList<>(points);
            if (pending != null) {
                all.add(pending);
            }
            return all;
        }
    }

    private static Point point(long iteration, double loss, DMatrixRMaj w) {
        Spectrum s = Spectrum.of(w);
        double det = w.get(0, 0) * w.get(1, 1) - w.get(0, 1) * w.get(1, 0);
        return new Point(iteration, loss, w.get(0, 0), w.get(0, 1), w.get(1, 0), w.get(1, 1), s.nuclearNorm(),
                s.frobeniusNorm(), s.spectralNorm(), s.effectiveRank(), det);
    }
}
