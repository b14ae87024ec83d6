package org.deepfact.engine.greedy;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.experiment.Seeds;
import org.deepfact.engine.experiment.SweepRunner;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * GLRL against depth-2 gradient descent from ever smaller initialisations on one completion
 * problem (Li, Luo and Lyu 2021): as the scale s shrinks, the gradient-descent solution should
 * approach the greedy one. Every depth-2 run starts from the same random directions (one seed),
 * scaled by s, with the same learning rate as GLRL's phases.
 *
 * @param size the ground truth is size x size
 * @param rank its rank
 * @param m observed entries (uniform without replacement)
 * @param scales gradient-descent init scales s (Gaussian factors, science.md section 2)
 * @param epsilon GLRL's scale of each new direction
 * @param learningRate gradient-descent step size (both methods)
 * @param maxIterations iteration cap of each depth-2 run and of each GLRL phase
 * @param lossThreshold stop at this train loss (both methods)
 * @param logEvery record every this many iterations
 * @param seed master seed
 */
public record GlrlExperiment(int size, int rank, int m, List<Double> scales, double epsilon, double learningRate,
        long maxIterations, double lossThreshold, long logEvery, long seed) {

    /** Copies the scales. */
    public GlrlExperiment {
        scales = List.copyOf(scales);
    }

    /** GLRL's run and one depth-2 run per scale, in the order of {@link #scales()}. */
    public record Outcome(GreedyLowRank.Result greedy, List<TrainingResult> descent) {

        /** Copies the runs. */
        public Outcome {
            descent = List.copyOf(descent);
        }

        /** @return ||W_gd - W_glrl||_F / ||W_glrl||_F for the run at scales().get(i) */
        public double distance(int i) {
            DMatrixRMaj g = greedy.endToEnd();
            DMatrixRMaj d = descent.get(i).endToEnd();
            CommonOps_DDRM.subtractEquals(d, g);
            return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(g);
        }
    }

    /** @return the ground truth */
    public DMatrixRMaj groundTruth() {
        return GroundTruth.generate(GroundTruthSpec.of(size, size, rank, Seeds.derive(seed, Seeds.key("glrl-truth"))));
    }

    /** @return the completion problem, with the ground truth for the reconstruction error */
    public RecoveryProblem problem() {
        DMatrixRMaj truth = groundTruth();
        return RecoveryProblem.completion(Samplers.uniform(truth, m, Seeds.derive(seed, Seeds.key("glrl-mask", "m", m))))
                .withGroundTruth(truth);
    }

    /** @return GLRL's settings: phases checked every 10 records for a plateau (0.1% per check) */
    public GreedyLowRank greedy() {
        return new GreedyLowRank(epsilon, learningRate, Math.min(size, Math.max(1, m)), lossThreshold, 10 * logEvery,
                1e-3, maxIterations, logEvery);
    }

    /** @return the depth-2 gradient-descent settings at init scale s */
    public TrainingConfig descent(double s) {
        return TrainingConfig.builder().depth(2).init(InitKind.GAUSSIAN).initScale(s).optimizer(OptimizerKind.GD)
                .learningRate(learningRate).maxIterations(maxIterations).lossThreshold(lossThreshold)
                .logEvery(logEvery).alignment(false).topK(Math.min(10, size))
                .seed(Seeds.derive(seed, Seeds.key("glrl-init"))).threads(1).build();
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        GroundTruthSpec.of(size, size, rank, 0).validate();
        if (m < 1 || m > (long) size * size) {
            throw new IllegalArgumentException("Observed entries must be in [1, " + (long) size * size + "], got " + m);
        }
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("At least one init scale is needed");
        }
        greedy().validate();
        for (double s : scales) {
            descent(s);
        }
    }

    /** @return the runs; the same numbers for any thread count */
    public Outcome execute(int threads, SweepRunner.Listener listener, ProgressCallback cancel) {
        validate();
        RecoveryProblem problem = problem();
        List<SweepRunner.Task<Object>> tasks = new ArrayList<>();
        tasks.add(task("glrl eps=" + epsilon, 3, cb -> greedy().run(problem, cb)));
        for (double s : scales) {
            TrainingConfig c = descent(s);
            tasks.add(task("gd depth=2 s=" + s, 1, cb -> Trainer.train(problem, c, cb)));
        }
        List<Object> done = SweepRunner.run(tasks, threads, listener, cancel);
        List<TrainingResult> descent = new ArrayList<>();
        for (int i = 1; i < done.size(); i++) {
            descent.add((TrainingResult) done.get(i));
        }
        return new Outcome((GreedyLowRank.Result) done.get(0), descent);
    }

    private static SweepRunner.Task<Object> task(String label, double weight,
            java.util.function.Function<ProgressCallback, Object> body) {
        return new SweepRunner.Task<>() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public double weight() {
                return weight;
            }

            @Override
            public Object run(ProgressCallback callback) {
                return body.apply(callback);
            }
        };
    }
}
