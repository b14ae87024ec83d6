package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;

/**
 * Fig. 3 of the paper: the top singular values of the end-to-end matrix against iteration for
 * several depths, trained by plain gradient descent from the balanced identity initialisation
 * W_j = s^(1/N) I on one completion problem. The ground truth and the mask use the same seeds as
 * repeat 0 of the completion sweep with the same master seed and m, so the dynamics show how the
 * runs of that sweep got where they ended. One run per depth, in parallel; the history records
 * every {@code logEvery} iterations keep the top-k singular values and the gradient's alignment
 * with the singular vectors (the authors' fourth panel), each followed by a record one step
 * later so that {@link org.deepfact.engine.theory.DynamicsCheck} can compare every recorded step
 * of sigma_r with the theory.
 *
 * @param rows ground-truth rows
 * @param cols ground-truth columns
 * @param rank ground-truth rank
 * @param m observed entries
 * @param depths depths to compare (paper: 1, 2, 3)
 * @param initScale identity scale s (W(0) = s I)
 * @param learningRate gradient-descent step size
 * @param maxIterations iteration cap
 * @param lossThreshold stop when the train loss is at most this
 * @param logEvery record every this many iterations
 * @param topK singular values kept per record
 * @param seed master seed
 */
public record DynamicsSweep(int rows, int cols, int rank, int m, List<Integer> depths, double initScale,
        double learningRate, long maxIterations, double lossThreshold, long logEvery, int topK, long seed) {

    /** Copies the depth list. */
    public DynamicsSweep {
        depths = List.copyOf(depths);
    }

    /** @return the sweep grid that defines the data seeds (repeat 0 of a completion sweep) */
    public SweepGrid dataGrid() {
        return new SweepGrid(Problem.COMPLETION, rows, cols, rank, List.of(m), depths, false, List.of(initScale),
                List.of(learningRate), 1, InitKind.IDENTITY, OptimizerKind.GD, maxIterations, lossThreshold, 0, seed);
    }

    /** @return the ground truth (same as repeat 0 of the completion sweep) */
    public DMatrixRMaj groundTruth() {
        return GroundTruth.generate(GroundTruthSpec.of(rows, cols, rank, dataGrid().truthSeed(0)));
    }

    /**
     * @return one training result per depth, in the order of {@link #depths()}; identical
     *         numbers for any thread count
     * @throws IllegalArgumentException naming an invalid setting
     * @throws org.deepfact.engine.train.DivergenceException (wrapped in a
     *         {@link SweepRunner.SweepException}) when the learning rate is too large for a depth
     */
    public List<TrainingResult> execute(int threads, SweepRunner.Listener listener, ProgressCallback cancel) {
        SweepGrid grid = dataGrid();
        grid.validate();
        if (logEvery < 1) {
            throw new IllegalArgumentException("Log interval must be >= 1, got " + logEvery);
        }
        DMatrixRMaj truth = groundTruth();
        Observations obs = Samplers.uniform(truth, m, grid.sampleSeed(m, 0));
        return execute(RecoveryProblem.completion(obs).withGroundTruth(truth), threads, listener, cancel);
    }

    /**
     * The same runs (depths, identity init, GD, records and step check) on a given problem, e.g.
     * a ratings file's training sample with the rest held out ({@link
     * org.deepfact.engine.data.Ratings#split}); {@link #rank()} and {@link #m()} then only serve
     * the validation and the (unused by the identity init) init seeds, the shape must be the
     * problem's.
     *
     * @return one training result per depth, in the order of {@link #depths()}
     * @throws IllegalArgumentException naming an invalid setting or a shape that is not the problem's
     */
    public List<TrainingResult> execute(RecoveryProblem problem, int threads, SweepRunner.Listener listener,
            ProgressCallback cancel) {
        SweepGrid grid = dataGrid();
        grid.validate();
        if (logEvery < 1) {
            throw new IllegalArgumentException("Log interval must be >= 1, got " + logEvery);
        }
        if (problem.rows() != rows || problem.cols() != cols) {
            throw new IllegalArgumentException("The problem is " + problem.rows() + " x " + problem.cols()
                    + ", the sweep " + rows + " x " + cols);
        }
        List<SweepRunner.Task<TrainingResult>> tasks = new ArrayList<>();
        for (int depth : depths) {
            TrainingConfig config = TrainingConfig.builder()
                    .depth(depth)
                    .init(InitKind.IDENTITY)
                    .initScale(initScale)
                    .optimizer(OptimizerKind.GD)
                    .learningRate(learningRate)
                    .maxIterations(maxIterations)
                    .lossThreshold(lossThreshold)
                    .logEvery(logEvery)
                    .topK(topK)
                    .alignment(true)
                    .stepCheck(true)
                    .seed(grid.initSeed(m, depth, 0))
                    .threads(1)
                    .build();
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return "dynamics depth=" + depth + " lr=" + learningRate;
                }

                @Override
                public double weight() {
                    return depth == 1 ? 1 : depth == 2 ? 3 : 3 * (depth - 1);
                }

                @Override
                public TrainingResult run(ProgressCallback callback) {
                    return Trainer.train(problem, config, callback);
                }
            });
        }
        return SweepRunner.run(tasks, threads, listener, cancel);
    }
}
