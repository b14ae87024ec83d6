package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.baseline.SensingConstraints;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.BestRecord;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.StopReason;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs a {@link SweepGrid} (the paper's Fig. 2 protocol) through the same engine entry points
 * the KNIME nodes use: {@link GroundTruth#generate}, {@link Samplers#uniform} /
 * {@link SensingOperator#gaussian}, {@link Trainer#train} and {@link NuclearNormSolver}.
 * Every run is single-threaded; runs go in parallel on {@link SweepRunner}. Ground truths and
 * masks are generated once per (m, repeat) and shared read-only by the runs that need them.
 *
 * <p>A sweep may also be given its ground truth ({@link #RecoverySweep(SweepGrid, DMatrixRMaj)}, e.g.
 * the KNIME node's optional input): every run of every repeat then fits that one matrix, and only the
 * masks / sensing operators and the initialisations come from the grid's seeds, exactly as with a
 * generated truth. Passing a grid's own generated truth back in gives the same numbers bit for bit.
 *
 * <p>Noise ({@link SweepGrid#noiseStd()}): the runs fit noisy observed values / measurements, one
 * noise draw per data set from {@link SweepGrid#noiseSeed}; every error is measured against the
 * clean truth, and the held-out error (see {@link RunResult}) is also recorded along the way, so a
 * run reports where early stopping would have stopped. Noise 0 fits the clean data itself.
 */
public final class RecoverySweep {

    /**
     * Iterations between the history records of a factorization run (besides the first and the
     * last): the resolution of the best held-out point. Recording does not change the iterates, and
     * at 100 x 100 one record (an SVD) costs about one iteration of depth 3.
     */
    public static final long RECORD_EVERY = 100;

    private final SweepGrid grid;
    private final Map<String, Object> data = new ConcurrentHashMap<>();
    /** The given ground truth of every repeat, or null: generated per repeat from the grid's seeds. */
    private final DMatrixRMaj truth;

    public RecoverySweep(SweepGrid grid) {
        grid.validate();
        this.grid = grid;
        this.truth = null;
    }

    /**
     * A sweep on a given ground truth instead of generated ones: {@link #groundTruth(int)} returns
     * (a copy of) {@code truth} for every repeat, also with {@link SweepGrid#varyData()} (whose repeats
     * then draw new masks or operators but keep the truth). The grid's truth seeds are not used, and its
     * {@link SweepGrid#rank()} is only reported (the runs' rank column): pass the truth's rank.
     *
     * @param truth grid.rows() x grid.cols(), every entry finite; copied
     * @throws IllegalArgumentException when the grid is invalid, or the truth is missing, of another
     *         shape, or has a NaN or infinite entry (named by its 0-based row and column)
     */
    public RecoverySweep(SweepGrid grid, DMatrixRMaj truth) {
        grid.validate();
        if (truth == null) {
            throw new IllegalArgumentException("Ground truth must be given");
        }
        if (truth.numRows != grid.rows() || truth.numCols != grid.cols()) {
            throw new IllegalArgumentException("Ground truth is " + truth.numRows + " x " + truth.numCols
                    + " but the sweep's grid is " + grid.rows() + " x " + grid.cols());
        }
        for (int i = 0; i < truth.numRows; i++) {
            for (int j = 0; j < truth.numCols; j++) {
                double v = truth.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Ground truth entry (row " + i + ", column " + j + ") is " + v
                            + ": every entry must be finite");
                }
            }
        }
        this.grid = grid;
        this.truth = truth.copy();
    }

    public SweepGrid grid() {
        return grid;
    }

    /**
     * @param threads number of parallel runs, &gt;= 1
     * @return one result per run of {@link SweepGrid#runs()}, in that order; identical numbers
     *         (all but {@code seconds}) for any thread count
     */
    public List<RunResult> execute(int threads, SweepRunner.Listener listener, ProgressCallback cancel) {
        return execute(grid.runs(), threads, listener, cancel);
    }

    /**
     * Runs some of the grid's runs, e.g. one {@link Shard}.
     *
     * @return one result per run of {@code runs}, in that order
     */
    public List<RunResult> execute(List<RunSpec> runs, int threads, SweepRunner.Listener listener,
            ProgressCallback cancel) {
        List<SweepRunner.Task<RunResult>> tasks = new ArrayList<>();
        for (RunSpec spec : runs) {
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return spec.label();
                }

                @Override
                public double weight() {
                    return estimatedCost(spec);
                }

                @Override
                public RunResult run(ProgressCallback callback) {
                    return RecoverySweep.this.run(spec, callback);
                }
            });
        }
        return SweepRunner.run(tasks, threads, listener, cancel);
    }

    /**
     * @return the ground truth of a repeat, the same for all with fixed data or a given truth
     *         (shared: do not modify)
     */
    public DMatrixRMaj groundTruth(int repeat) {
        if (truth != null) {
            return truth;
        }
        long seed = grid.truthSeed(repeat);
        return (DMatrixRMaj) data.computeIfAbsent("truth|" + seed,
                k -> GroundTruth.generate(GroundTruthSpec.of(grid.rows(), grid.cols(), grid.rank(), seed)));
    }

    /** Runs one grid point. */
    public RunResult run(RunSpec spec, ProgressCallback callback) {
        DMatrixRMaj truth = groundTruth(spec.repeat());
        return spec.nuclear() ? runNuclear(spec, truth, callback) : runFactorization(spec, truth, callback);
    }

    /** @return the sampled entries with their clean values */
    private Observations observations(RunSpec spec, DMatrixRMaj truth) {
        return (Observations) data.computeIfAbsent("mask|" + spec.m() + "|" + spec.sampleSeed(),
                k -> Samplers.uniform(truth, spec.m(), spec.sampleSeed()));
    }

    /** @return the observed entries as the runs see them: with the grid's noise on their values */
    private Observations observed(RunSpec spec, DMatrixRMaj truth) {
        Observations clean = observations(spec, truth);
        if (spec.noiseStd() == 0) {
            return clean;
        }
        long seed = grid.noiseSeed(spec.m(), spec.repeat());
        return (Observations) data.computeIfAbsent("noisy|" + spec.m() + "|" + spec.sampleSeed() + "|" + seed,
                k -> Samplers.addGaussianNoise(clean, spec.noiseStd(), seed));
    }

    /**
     * @return the entries the held-out error is measured on, with their clean values: the unobserved
     *         ones of a completion run; null for sensing (no entry is observed) or when every entry is
     *         observed, where the held-out error is then taken over all entries (the reconstruction
     *         error, as {@link BestRecord} falls back to)
     */
    private Observations heldOut(RunSpec spec, DMatrixRMaj truth) {
        if (spec.problem() != Problem.COMPLETION || (long) spec.m() >= (long) spec.rows() * spec.cols()) {
            return null;
        }
        Observations clean = observations(spec, truth);
        return (Observations) data.computeIfAbsent("held|" + spec.m() + "|" + spec.sampleSeed(),
                k -> Samplers.complement(clean, truth));
    }

    private SensingOperator operator(RunSpec spec) {
        return (SensingOperator) data.computeIfAbsent("op|" + spec.m() + "|" + spec.sampleSeed(),
                k -> SensingOperator.gaussian(spec.rows(), spec.cols(), spec.m(), spec.sampleSeed()));
    }

    private double[] measurements(RunSpec spec, DMatrixRMaj truth) {
        // Outside the mapping function: ConcurrentHashMap forbids touching the map from inside it.
        SensingOperator op = operator(spec);
        double[] clean = (double[]) data.computeIfAbsent("y|" + spec.m() + "|" + spec.sampleSeed() + "|"
                + spec.truthSeed(), k -> op.measure(truth));
        if (spec.noiseStd() == 0) {
            return clean;
        }
        long seed = grid.noiseSeed(spec.m(), spec.repeat());
        return (double[]) data.computeIfAbsent("noisy-y|" + spec.m() + "|" + spec.sampleSeed() + "|"
                + spec.truthSeed() + "|" + seed, k -> Samplers.addGaussianNoise(clean, spec.noiseStd(), seed));
    }

    /**
     * @return the data a run fits (noisy with the grid's noise), with its clean ground truth and,
     *         for completion, the clean unobserved entries as held-out set (shared: do not modify)
     */
    RecoveryProblem data(RunSpec spec) {
        return scored(spec, groundTruth(spec.repeat()));
    }

    private RecoveryProblem problem(RunSpec spec, DMatrixRMaj truth) {
        return spec.problem() == Problem.COMPLETION
                ? RecoveryProblem.completion(observed(spec, truth))
                : RecoveryProblem.sensing(operator(spec), measurements(spec, truth));
    }

    /** @return the problem with what its errors are measured against: the clean truth and held-out entries */
    private RecoveryProblem scored(RunSpec spec, DMatrixRMaj truth) {
        RecoveryProblem p = problem(spec, truth).withGroundTruth(truth);
        Observations held = heldOut(spec, truth);
        return held == null ? p : p.withHeldOut(held);
    }

    private RunResult runFactorization(RunSpec spec, DMatrixRMaj truth, ProgressCallback callback) {
        RecoveryProblem problem = scored(spec, truth);
        TrainingConfig config = TrainingConfig.builder()
                .depth(spec.depth())
                .init(spec.init())
                .initScale(spec.initScale())
                .optimizer(spec.optimizer())
                .learningRate(spec.learningRate())
                .maxIterations(grid.maxIterations())
                .lossThreshold(grid.lossThreshold())
                .logEvery(RECORD_EVERY)
                .alignment(false)
                .seed(spec.seed())
                .threads(1)
                .build();
        long start = System.nanoTime();
        try {
            TrainingResult result = Trainer.train(problem, config, callback);
            HistoryRecord last = result.last();
            BestRecord best = BestRecord.of(result.history());
            return new RunResult(spec, result.iterations(), result.stopReason(), last.trainLoss(),
                    last.reconstructionError(), last.nuclearNorm(), last.effectiveRank(), result.seconds(),
                    best == null ? Double.NaN : best.errorAt(last), best == null ? Double.NaN : best.error(),
                    best == null ? -1 : best.iteration());
        } catch (DivergenceException e) {
            double nan = Double.NaN;
            return new RunResult(spec, e.iteration(), StopReason.DIVERGED, nan, nan, nan, nan,
                    (System.nanoTime() - start) * 1e-9, nan, nan, -1);
        }
    }

    private RunResult runNuclear(RunSpec spec, DMatrixRMaj truth, ProgressCallback callback) {
        NuclearNormSolver solver = new NuclearNormSolver(NuclearNormConfig.defaults().withEpsilon(grid.nuclearEpsilon()));
        long start = System.nanoTime();
        RecoveryProblem problem = problem(spec, truth);
        NuclearNormResult result = solver.solve(problem, callback);
        double trainLoss = problem.meanSquaredResidual(result.solution());
        double seconds = (System.nanoTime() - start) * 1e-9;
        DMatrixRMaj x = result.solution();
        Spectrum s = Spectrum.of(x);
        double error = ReconstructionErrors.all(x, truth).mse();
        // No history: the baseline's final solution is its only point, so it has no best one.
        double heldOut = heldOut(spec, truth) == null ? error
                : ReconstructionErrors.unobserved(x, truth, observations(spec, truth)).mse();
        return new RunResult(spec, result.report().iterations(),
                result.report().converged() ? StopReason.CONVERGED : StopReason.MAX_ITERATIONS, trainLoss, error,
                s.nuclearNorm(), s.effectiveRank(), seconds, heldOut, Double.NaN, -1);
    }

    /**
     * A rough prior of a run's cost in seconds on one core, measured on 100 x 100 completion at
     * m = 2000 (nuclear norm 4 s, depth 1 1 s, depth 2 15 s, depth 3 35 s at s = 1e-3, lr = 1e-3).
     * Used only to order runs (heaviest first: locally and as Spark tasks) and to weight the progress bar.
     */
    public static double estimatedCost(RunSpec spec) {
        double size = (double) spec.rows() * spec.cols() / 1e4;
        double sensing = spec.problem() == Problem.SENSING ? 1 + spec.m() * 4.0 / spec.rows() : 1;
        if (spec.nuclear()) {
            return 4 * Math.pow(size, 1.5) * sensing;
        }
        double perDepth = spec.depth() == 1 ? 1 : spec.depth() == 2 ? 15 : 35 * (spec.depth() - 1) / 2.0;
        double lr = 1e-3 / spec.learningRate();
        double scale = 1 + 0.15 * Math.max(0, Math.log10(1e-3 / spec.initScale()));
        return perDepth * Math.pow(size, 1.5) * Math.max(0.1, lr) * scale * sensing;
    }
}
