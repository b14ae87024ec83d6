package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.Choice;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.InitialisationOverflowException;
import org.deepfact.engine.train.StopReason;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Gunasekar, Woodworth, Bhojanapalli, Neyshabur and Srebro, "Implicit Regularization in Matrix
 * Factorization" (NeurIPS 2017), against Arora, Cohen, Hu and Luo (NeurIPS 2019, section 2).
 * Symmetric factorizations W = P P^T (depth 2: Gunasekar's U U^T; depth 4: W_2 W_1 W_1^T W_2^T)
 * trained by plain gradient descent from U(0) = alpha I, i.e. W(0) = alpha^2 I (the engine's
 * end-to-end init scale s = alpha^2 at every depth), on one PSD low-rank truth in two settings:
 * <ul>
 * <li>{@link Setting#COMMUTING}: m &lt; n commuting symmetric measurements A_i = Q D_i Q^T, the
 * setting of Gunasekar's Theorem 1, where gradient flow reaches the minimum-trace PSD solution as
 * alpha -&gt; 0 (Geyer, Kyrillidis and Kalev 2019 for deeper factorizations). Expected: the relative
 * gap (tr W - min tr) / min tr shrinks toward 0 as alpha shrinks.</li>
 * <li>{@link Setting#COMPLETION}: matrix completion from few entries, where Arora et al. found
 * gradient descent's solutions to have a lower error and a larger nuclear norm than the minimum
 * nuclear norm solution. Expected: the gap stays away from 0 as alpha shrinks while the error is
 * below the minimum-trace solution's.</li>
 * </ul>
 * For a PSD W the nuclear norm is the trace, so the baseline is min tr(X) s.t. A(X) = y, X PSD.
 * Every run stops when its train loss is at most {@code relativeLoss} times the loss at W = 0
 * (mean y^2) or at {@code maxIterations}. Step size: {@code rate} of the setting times (2/N)^3
 * (the factor space's curvature grows with depth).
 * At depth 4 and small alpha the runs leave the commuting subspace through amplified rounding noise
 * ({@link Run#offCommuting()}); trials at half and twice the step did so too.
 *
 * @param size the truth is size x size (PSD)
 * @param rank its rank
 * @param measurements commuting measurements m (&lt; size, so the A_i do not determine W)
 * @param observed observed entries of the completion setting (uniform without replacement)
 * @param alphas init scales alpha (U(0) = alpha I)
 * @param depths end-to-end depths N, even
 * @param commutingRate gradient-descent step size at depth 2, commuting setting
 * @param completionRate gradient-descent step size at depth 2, completion setting
 * @param relativeLoss stop at train loss &lt;= relativeLoss * mean(y^2)
 * @param maxIterations iteration cap of each run
 * @param seed master seed
 */
public record GunasekarExperiment(int size, int rank, int measurements, int observed, List<Double> alphas,
        List<Integer> depths, double commutingRate, double completionRate, double relativeLoss, long maxIterations,
        long seed) {

    /** Copies the lists. */
    public GunasekarExperiment {
        alphas = List.copyOf(alphas);
        depths = List.copyOf(depths);
    }

    /** The two settings. */
    public enum Setting implements Choice {
        /** Sensing with commuting symmetric A_i (Gunasekar's Theorem 1). */
        COMMUTING,
        /** Completion from few entries (the seed paper's counterexample). */
        COMPLETION
    }

    /**
     * The default grid (15.7 s on 2 idle cores, 29 s of CPU; 30-60 s at load): 30 x 30, rank 2,
     * m = 15 commuting measurements, 120 observed entries (13%; a PSD rank-2 30 x 30 matrix has 59
     * degrees of freedom), alpha from 1 to 0.01, depths 2 and 4.
     */
    public static GunasekarExperiment defaults(long seed) {
        return new GunasekarExperiment(30, 2, 15, 120, List.of(1.0, 0.3, 0.1, 0.03, 0.01), List.of(2, 4), 0.4, 1.2,
                1e-9, 100_000, seed);
    }

    /** The seed paper's size: 100 x 100, rank 5, 2000 observed entries; m = 50 commuting measurements. */
    public static GunasekarExperiment full(long seed) {
        return new GunasekarExperiment(100, 5, 50, 2000, List.of(1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001),
                List.of(2, 4), 0.4, 1.2, 1e-9, 1_000_000, seed);
    }

    /**
     * @return a copy of size n x n whose measurements and observed entries keep this grid's proportions:
     *         m = floor(n * measurements / size) (defaults: n / 2) and observed = round(observed / size^2 * n^2)
     *         (defaults: 120/900 n^2, 13%), each at least 1
     */
    public GunasekarExperiment withSize(int n) {
        int m = Math.max(1, (int) ((long) n * measurements / size));
        int o = (int) Math.max(1, Math.round((double) observed / ((double) size * size) * n * n));
        return new GunasekarExperiment(n, rank, m, o, alphas, depths, commutingRate, completionRate, relativeLoss,
                maxIterations, seed);
    }

    /** @return a copy with other alphas */
    public GunasekarExperiment withAlphas(List<Double> a) {
        return new GunasekarExperiment(size, rank, measurements, observed, a, depths, commutingRate, completionRate,
                relativeLoss, maxIterations, seed);
    }

    /** @return a copy with other depths */
    public GunasekarExperiment withDepths(List<Integer> d) {
        return new GunasekarExperiment(size, rank, measurements, observed, alphas, d, commutingRate, completionRate,
                relativeLoss, maxIterations, seed);
    }

    /**
     * The minimum-trace PSD solution of one setting.
     *
     * @param minTrace its trace
     * @param error its relative Frobenius error against the truth
     * @param truthTrace tr W* (a solution that recovers the truth has the gap (truthTrace - minTrace) / minTrace)
     */
    public record Baseline(Setting setting, double minTrace, double error, double effectiveRank, boolean converged,
            int iterations, double seconds, double truthTrace) {

        /** @return (truthTrace - minTrace) / minTrace */
        public double truthGap() {
            return (truthTrace - minTrace) / minTrace;
        }
    }

    /**
     * One gradient-descent run.
     *
     * @param initScale the engine's s = alpha^2 (W(0) = s I)
     * @param trace tr W = ||W||_* (W = P P^T is PSD)
     * @param gap (trace - minTrace) / minTrace
     * @param relativeLoss final train loss / mean(y^2)
     * @param error relative Frobenius error against the truth
     * @param offCommuting commuting setting: ||offdiag(Q^T W Q)||_F / ||W||_F, how far W left the
     *        algebra of the A_i (0 in exact arithmetic from alpha I; Theorem 1 needs it 0); NaN for completion
     */
    public record Run(Setting setting, int depth, double alpha, double initScale, double learningRate, double trace,
            double minTrace, double gap, double relativeLoss, double error, double baselineError,
            double effectiveRank, long iterations, StopReason stopReason, double seconds, double offCommuting) {
    }

    /**
     * Both baselines and every run, in grid order (setting, depth, alpha). A diverged run (the loss
     * overflowed, at the initialisation or later) has {@link StopReason#DIVERGED}, the iteration it
     * stopped at, and NaN for trace, gap, relative loss, error, effective rank and off-commuting.
     */
    public record Outcome(List<Baseline> baselines, List<Run> runs) {

        /** Copies the lists. */
        public Outcome {
            baselines = List.copyOf(baselines);
            runs = List.copyOf(runs);
        }

        /** @return the runs of one setting and depth, in the order of the alphas */
        public List<Run> runs(Setting setting, int depth) {
            return runs.stream().filter(r -> r.setting() == setting && r.depth() == depth).toList();
        }

        public Baseline baseline(Setting setting) {
            return baselines.stream().filter(b -> b.setting() == setting).findFirst().orElseThrow();
        }
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        if (size < 2) {
            throw new IllegalArgumentException("Matrix size must be >= 2, got " + size);
        }
        if (rank < 1 || rank > size) {
            throw new IllegalArgumentException("Rank must be in [1, " + size + "], got " + rank);
        }
        if (measurements < 1 || measurements >= size) {
            throw new IllegalArgumentException("Commuting measurements must be in [1, " + (size - 1)
                    + "] (n of them already determine a W diagonal in Q's basis), got " + measurements);
        }
        if (observed < 1 || observed > (long) size * size) {
            throw new IllegalArgumentException("Observed entries must be in [1, " + (long) size * size + "], got "
                    + observed);
        }
        if (alphas.isEmpty()) {
            throw new IllegalArgumentException("At least one alpha is needed");
        }
        for (double a : alphas) {
            if (!(a > 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("Init scale alpha must be finite and > 0, got " + a);
            }
        }
        if (depths.isEmpty()) {
            throw new IllegalArgumentException("At least one depth is needed");
        }
        for (int d : depths) {
            if (d < 2 || d % 2 != 0) {
                throw new IllegalArgumentException("Depth must be even and >= 2 (W = P P^T), got " + d);
            }
        }
        for (double r : new double[] {commutingRate, completionRate}) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("Learning rate must be finite and > 0, got " + r);
            }
        }
        if (!(relativeLoss >= 0) || Double.isInfinite(relativeLoss)) {
            throw new IllegalArgumentException("Relative loss threshold must be finite and >= 0, got " + relativeLoss);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("Maximum iterations must be >= 0, got " + maxIterations);
        }
    }

    /** @return the PSD truth (||W*||_F = size) */
    public DMatrixRMaj groundTruth() {
        return GroundTruth.generate(GroundTruthSpec.of(size, size, rank, Seeds.derive(seed, Seeds.key("gunasekar-truth")))
                .withStructure(GroundTruthSpec.Structure.PSD));
    }

    /** @return the problem of one setting, with the truth for the reconstruction error */
    public RecoveryProblem problem(Setting setting) {
        return problem(setting, groundTruth());
    }

    private RecoveryProblem problem(Setting setting, DMatrixRMaj truth) {
        if (setting == Setting.COMMUTING) {
            SensingOperator op = SensingOperator.commuting(size, measurements,
                    Seeds.derive(seed, Seeds.key("gunasekar-operator", "m", measurements)));
            return RecoveryProblem.sensing(op, op.measure(truth)).withGroundTruth(truth);
        }
        return RecoveryProblem.completion(Samplers.uniform(truth, observed,
                Seeds.derive(seed, Seeds.key("gunasekar-mask", "m", observed)))).withGroundTruth(truth);
    }

    /** @return the step size of one setting and depth: the setting's rate times (2/N)^3 */
    public double learningRate(Setting setting, int depth) {
        double base = setting == Setting.COMMUTING ? commutingRate : completionRate;
        return base * Math.pow(2.0 / depth, 3);
    }

    /** @return the training settings of one run */
    public TrainingConfig config(Setting setting, int depth, double alpha, double meanSquaredTarget) {
        return TrainingConfig.builder()
                .factorization(Factorization.SYMMETRIC)
                .depth(depth)
                .init(InitKind.IDENTITY)
                .initScale(alpha * alpha)
                .optimizer(OptimizerKind.GD)
                .learningRate(learningRate(setting, depth))
                .maxIterations(maxIterations)
                .lossThreshold(relativeLoss * meanSquaredTarget)
                .logEvery(Math.max(1, maxIterations))
                .topK(Math.min(size, 10))
                .threads(1)
                .build();
    }

    /**
     * Bytes {@link #execute} holds at its peak: both problems (the commuting operator's stored A_i
     * and Q, see {@link SensingOperator#heldDoubles}) once, plus up to {@code threads} of the largest
     * task at a time ({@link Trainer#estimateBytes} of the deepest run, {@link NuclearNormSolver#estimateBytes}).
     *
     * @return the estimate, or Long.MAX_VALUE when it overflows 64 bits
     */
    public long estimateBytes(int threads) {
        long n = size;
        long operator = SensingOperator.heldDoubles(size, size, measurements) + n * n + (long) measurements * size;
        long task = NuclearNormSolver.estimateBytes(size, size, 0);
        for (int depth : depths) {
            task = Math.max(task, Trainer.estimateBytes(size, size, config(Setting.COMMUTING, depth, 1, 1), 0));
        }
        int tasks = Setting.values().length * (1 + depths.size() * alphas.size());
        try {
            return Math.addExact(Math.multiplyExact(operator, 8), Math.multiplyExact(task, Math.min(threads, tasks)));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The minimum-trace PSD solver: equality constraints, tight tolerance. */
    static NuclearNormResult minTrace(RecoveryProblem problem, ProgressCallback cb) {
        NuclearNormConfig config = NuclearNormConfig.defaults().withPsd(true).withEpsilon(0).withTolerance(1e-7)
                .withMaxIterations(200_000);
        return new NuclearNormSolver(config).solve(problem, cb);
    }

    /**
     * @return both baselines and every run; the same numbers for any thread count
     * @throws IllegalArgumentException naming an invalid setting
     */
    public Outcome execute(int threads, SweepRunner.Listener listener, ProgressCallback cancel) {
        validate();
        // Built once: the tasks share them (read-only) and the results are scored against them.
        DMatrixRMaj truth = groundTruth();
        Map<Setting, RecoveryProblem> problems = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            problems.put(setting, problem(setting, truth));
        }
        List<SweepRunner.Task<Object>> tasks = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            RecoveryProblem problem = problems.get(setting);
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return "gunasekar " + setting.id() + " min-trace baseline";
                }

                @Override
                public double weight() {
                    return 20;
                }

                @Override
                public Object run(ProgressCallback callback) {
                    long start = System.nanoTime();
                    NuclearNormResult r = minTrace(problem, callback);
                    DMatrixRMaj x = r.solution();
                    return new Baseline(setting, CommonOps_DDRM.trace(x), relativeError(x, problem.groundTruth()),
                            Spectrum.of(x).effectiveRank(), r.report().converged(), r.report().iterations(),
                            (System.nanoTime() - start) * 1e-9, CommonOps_DDRM.trace(problem.groundTruth()));
                }
            });
            double meanSquared = problem.meanSquaredResidual(new DMatrixRMaj(size, size));
            for (int depth : depths) {
                for (double alpha : alphas) {
                    TrainingConfig config = config(setting, depth, alpha, meanSquared);
                    tasks.add(new SweepRunner.Task<>() {
                        @Override
                        public String label() {
                            return "gunasekar " + setting.id() + " depth=" + depth + " alpha=" + alpha;
                        }

                        @Override
                        public double weight() {
                            // Smaller inits take longer to escape, deeper ones much longer.
                            return depth * (1 + Math.log(1 / Math.min(1, alpha))) * (depth > 2 ? 1 / alpha : 1);
                        }

                        @Override
                        public Object run(ProgressCallback callback) {
                            long start = System.nanoTime();
                            try {
                                return Trainer.train(problem, config, callback);
                            } catch (DivergenceException e) {
                                // One run too large for its step keeps the finished others (as RecoverySweep does).
                                return new Diverged(e.iteration(), (System.nanoTime() - start) * 1e-9);
                            } catch (InitialisationOverflowException e) {
                                return new Diverged(0, (System.nanoTime() - start) * 1e-9);
                            }
                        }
                    });
                }
            }
        }
        List<Object> done = SweepRunner.run(tasks, threads, listener, cancel);
        List<Baseline> baselines = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        int t = 0;
        for (Setting setting : Setting.values()) {
            Baseline b = (Baseline) done.get(t++);
            baselines.add(b);
            RecoveryProblem problem = problems.get(setting);
            double meanSquared = problem.meanSquaredResidual(new DMatrixRMaj(size, size));
            for (int depth : depths) {
                for (double alpha : alphas) {
                    Object result = done.get(t++);
                    if (result instanceof Diverged d) {
                        double nan = Double.NaN;
                        runs.add(new Run(setting, depth, alpha, alpha * alpha, learningRate(setting, depth), nan,
                                b.minTrace(), nan, nan, nan, b.error(), nan, d.iterations(), StopReason.DIVERGED,
                                d.seconds(), nan));
                        continue;
                    }
                    TrainingResult r = (TrainingResult) result;
                    DMatrixRMaj w = r.endToEnd();
                    double trace = CommonOps_DDRM.trace(w);
                    runs.add(new Run(setting, depth, alpha, alpha * alpha, learningRate(setting, depth), trace,
                            b.minTrace(), (trace - b.minTrace()) / b.minTrace(), r.last().trainLoss() / meanSquared,
                            relativeError(w, problem.groundTruth()), b.error(), r.last().effectiveRank(),
                            r.iterations(), r.stopReason(), r.seconds(), setting == Setting.COMMUTING
                                    ? offCommuting(w, problem.sensingOperator().commonEigenbasis()) : Double.NaN));
                }
            }
        }
        return new Outcome(baselines, runs);
    }

    /** A run whose loss overflowed: at the initialisation (iteration 0) or later. */
    private record Diverged(long iterations, double seconds) {
    }

    /** ||offdiag(Q^T W Q)||_F / ||W||_F. */
    static double offCommuting(DMatrixRMaj w, DMatrixRMaj q) {
        DMatrixRMaj t = new DMatrixRMaj(q.numCols, w.numCols);
        CommonOps_DDRM.multTransA(q, w, t);
        DMatrixRMaj c = new DMatrixRMaj(q.numCols, q.numCols);
        CommonOps_DDRM.mult(t, q, c);
        double off = 0;
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                if (i != j) {
                    off += c.get(i, j) * c.get(i, j);
                }
            }
        }
        return Math.sqrt(off) / org.ejml.dense.row.NormOps_DDRM.normF(w);
    }

    private static double relativeError(DMatrixRMaj x, DMatrixRMaj truth) {
        return ReconstructionErrors.all(x, truth).relativeFrobenius();
    }
}
