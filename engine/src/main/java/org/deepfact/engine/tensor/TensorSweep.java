package org.deepfact.engine.tensor;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.experiment.Seeds;
import org.deepfact.engine.experiment.SweepRunner;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.TrainingConfig;

/**
 * The tensor-completion experiment of {@code reproduce tensor} (Razin, Maman, Cohen 2021): one
 * low-rank ground truth, one uniform observation set per m (the authors' protocol), CP
 * factorizations at every init scale, and the matrix baselines on the unfolding. Runs are
 * independent and single-threaded, executed by {@link SweepRunner}; every seed derives from the
 * master seed and the run's coordinates, so any thread count gives the same numbers. Runs that
 * differ only in the init scale start from the same random directions (init = s z, same z).
 */
public final class TensorSweep {

    /** The grid and the settings shared by every run. */
    public record Grid(int[] dims, int rank, List<Integer> ms, List<Double> initStds, int components,
            OptimizerKind optimizer, double learningRate, long maxIterations, double lossThreshold, long logEvery,
            boolean nuclear, List<Integer> unfoldedDepths, long seed) {

        /** @throws IllegalArgumentException naming the first bad setting */
        public void validate() {
            TensorShape shape = TensorShape.of(dims);
            if (rank < 1) {
                throw new IllegalArgumentException("Ground-truth rank must be >= 1, got " + rank);
            }
            if (ms.isEmpty() || initStds.isEmpty()) {
                throw new IllegalArgumentException("Give at least one m and one init scale");
            }
            for (int m : ms) {
                if (m < 1 || m >= shape.size()) {
                    throw new IllegalArgumentException("m must be in [1, " + (shape.size() - 1) + "] for a " + shape
                            + " tensor, got " + m);
                }
            }
            for (int d : unfoldedDepths) {
                if (d < 1) {
                    throw new IllegalArgumentException("Depths of the unfolded matrix factorization must be >= 1, got " + d);
                }
            }
            CpConfig.builder().components(components).initStd(initStds.get(0)).optimizer(optimizer)
                    .learningRate(learningRate).maxIterations(maxIterations).lossThreshold(lossThreshold)
                    .logEvery(logEvery).build();
            for (double s : initStds) {
                CpConfig.builder().initStd(s).build();
            }
        }
    }

    /**
     * One run. method is {@code cp}, {@code unfolded_nuclear} or {@code unfolded_dmf}; initStd is NaN
     * and depth 0 where they do not apply.
     */
    public record Run(String method, int m, double initStd, int depth, long truthSeed, long sampleSeed, long seed) {
        /** @return e.g. "cp m=300 s=0.005" */
        public String label() {
            return method + " m=" + m + (Double.isNaN(initStd) ? "" : " s=" + initStd) + (depth > 0 ? " depth=" + depth : "");
        }
    }

    /**
     * The result of a run; tensorRank is -1 and the norms empty for the baselines, history is
     * empty for the baselines.
     */
    public record Outcome(Run run, long iterations, String stopReason, double trainLoss, double reconstructionError,
            double unobservedError, int tensorRank, double[] topComponentNorms, List<CpHistoryRecord> history,
            double seconds) {
    }

    private final Grid grid;
    private final TensorShape shape;
    private final TensorGroundTruth truth;
    private final long truthSeed;

    /** @throws IllegalArgumentException when the grid is invalid */
    public TensorSweep(Grid grid) {
        grid.validate();
        this.grid = grid;
        shape = TensorShape.of(grid.dims());
        truthSeed = Seeds.derive(grid.seed(), Seeds.key("tensor-truth", "rank", grid.rank()));
        truth = TensorGroundTruth.generate(shape, grid.rank(), TensorGroundTruth.DEFAULT_FROBENIUS_NORM, truthSeed);
    }

    public Grid grid() {
        return grid;
    }

    public TensorGroundTruth groundTruth() {
        return truth;
    }

    /** @return every run, in grid order: per m, the CP runs by init scale, then the baselines */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (int m : grid.ms()) {
            long sample = Seeds.derive(grid.seed(), Seeds.key("tensor-sample", "m", m));
            long init = Seeds.derive(grid.seed(), Seeds.key("tensor-init", "m", m));
            for (double s : grid.initStds()) {
                runs.add(new Run("cp", m, s, 0, truthSeed, sample, init));
            }
            if (grid.nuclear()) {
                runs.add(new Run("unfolded_nuclear", m, Double.NaN, 0, truthSeed, sample, 0));
            }
            for (int d : grid.unfoldedDepths()) {
                long seed = Seeds.derive(grid.seed(), Seeds.key("tensor-unfolded-init", "m", m, "depth", d));
                runs.add(new Run("unfolded_dmf", m, Double.NaN, d, truthSeed, sample, seed));
            }
        }
        return runs;
    }

    /**
     * @param threads parallel runs
     * @throws SweepRunner.SweepException naming the run that failed
     */
    public List<Outcome> execute(int threads, SweepRunner.Listener listener, ProgressCallback outer) {
        List<SweepRunner.Task<Outcome>> tasks = new ArrayList<>();
        int r = grid.components() == 0 ? shape.maxRank() : grid.components();
        for (Run run : runs()) {
            double weight = run.method().equals("cp") ? (double) run.m() * r * shape.order() : run.m() * 10.0;
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return run.label();
                }

                @Override
                public double weight() {
                    return weight;
                }

                @Override
                public Outcome run(ProgressCallback cb) {
                    return execute(run, cb);
                }
            });
        }
        return SweepRunner.run(tasks, threads, listener, outer);
    }

    /** @return the problem of a given m: its observed entries, with the ground truth attached */
    public TensorProblem problem(int m) {
        long sample = Seeds.derive(grid.seed(), Seeds.key("tensor-sample", "m", m));
        TensorEntries observed = TensorSampling.uniform(shape, truth.dense(), m, sample);
        return TensorProblem.completion(observed).withGroundTruth(truth.dense());
    }

    /** Runs one grid point (single-threaded). */
    public Outcome execute(Run run, ProgressCallback cb) {
        TensorProblem problem = problem(run.m());
        double[] dense = truth.dense();
        boolean[] mask = TensorErrors.mask(problem.observed());
        switch (run.method()) {
            case "cp" -> {
                CpConfig config = CpConfig.builder().components(grid.components()).initStd(run.initStd())
                        .optimizer(grid.optimizer()).learningRate(grid.learningRate())
                        .maxIterations(grid.maxIterations()).lossThreshold(grid.lossThreshold())
                        .logEvery(grid.logEvery()).seed(run.seed()).build();
                CpResult res = CpTrainer.train(problem, config, cb);
                CpHistoryRecord last = res.last();
                return new Outcome(run, res.iterations(), res.stopReason().id(), last.trainLoss(),
                        last.reconstructionError(), last.unobservedError(), last.tensorRank(),
                        last.topComponentNorms(), res.history(), res.seconds());
            }
            case "unfolded_nuclear" -> {
                UnfoldingBaseline.Result res = UnfoldingBaseline.nuclearNorm(problem, NuclearNormConfig.defaults(), cb);
                return baseline(run, res, dense, mask);
            }
            default -> {
                TrainingConfig config = TrainingConfig.builder().depth(run.depth()).seed(run.seed())
                        .maxIterations(grid.maxIterations()).logEvery(Math.max(1, grid.maxIterations()))
                        .alignment(false).topK(0).build();
                UnfoldingBaseline.Result res = UnfoldingBaseline.deepFactorization(problem, config, cb);
                return baseline(run, res, dense, mask);
            }
        }
    }

    private static Outcome baseline(Run run, UnfoldingBaseline.Result res, double[] truth, boolean[] mask) {
        TensorErrors e = TensorErrors.of(res.completed(), truth, mask);
        return new Outcome(run, res.iterations(), res.stopReason(), res.trainLoss(), e.all(), e.unobserved(), -1,
                new double[0], List.of(), res.seconds());
    }
}
