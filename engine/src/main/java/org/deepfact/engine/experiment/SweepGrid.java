package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;

/**
 * The grid of a recovery sweep (science.md section 7, Fig. 2 of the paper): for every number
 * of observations m, every depth, learning rate, initialisation scale and repeat one deep matrix
 * factorization run, plus (optionally) the minimum-nuclear-norm baseline per m (and repeat, when
 * the repeats draw new data).
 *
 * <p>Repeats (science.md section 7): by default as the authors' {@code scripts/run.rb}, one
 * ground truth (shared by every m) and one observation set per m; the repeats differ only in
 * the initialisation, so the error bars show the spread over initialisations alone, and the
 * deterministic nuclear-norm baseline runs once per m. With {@code varyData} every repeat
 * also draws its own ground truth and observations (the spread then mixes data and init).
 *
 * <p>Seeds (see {@link Seeds}): the ground truth depends on the repeat only (on nothing with
 * the authors' protocol: it is repeat 0's), the observation mask / sensing operator on
 * (m, repeat) (on m only with the authors' protocol), and the initialisation on
 * (m, depth, repeat). Runs that differ only in s or lr therefore fit the same data from the
 * same random directions (common random numbers, where the authors draw a fresh seed per
 * process): each point's spread is still over independent initialisations, and the curves
 * against s are comparable point by point. No seed depends on the order in which runs execute.
 *
 * @param problem completion or sensing
 * @param rows ground-truth rows
 * @param cols ground-truth columns
 * @param rank ground-truth rank
 * @param ms numbers of observations / measurements
 * @param depths factorization depths (1 fits W directly)
 * @param nuclear whether to add the minimum-nuclear-norm baseline
 * @param initScales initialisation scales s
 * @param learningRates learning rates
 * @param repeats number of repeats (new initialisations; also new data with {@code varyData}), &gt;= 1
 * @param init initialisation kind (paper: gaussian)
 * @param optimizer optimizer (paper: GroupRMSprop)
 * @param maxIterations iteration cap per run
 * @param lossThreshold stop when the train loss is at most this (paper: 1e-6)
 * @param nuclearEpsilon constraint slack of the baseline (paper: 1e-3)
 * @param seed master seed
 * @param varyData false: the authors' protocol (data fixed, repeats vary the init); true:
 *        every repeat also has its own ground truth and observations
 * @param noiseStd standard deviation sigma of i.i.d. N(0, sigma^2) noise on the observed values
 *        (completion) or the measurements (sensing), &gt;= 0 (0: exact data, the paper's); drawn
 *        once per data set from {@link #noiseSeed}, so every run and the baseline at one (m, repeat)
 *        fit the same noisy data. Errors are always measured against the clean ground truth.
 */
public record SweepGrid(Problem problem, int rows, int cols, int rank, List<Integer> ms, List<Integer> depths,
        boolean nuclear, List<Double> initScales, List<Double> learningRates, int repeats, InitKind init,
        OptimizerKind optimizer, long maxIterations, double lossThreshold, double nuclearEpsilon, long seed,
        boolean varyData, double noiseStd) {

    /** A grid without noise (the paper's exact observations). */
    public SweepGrid(Problem problem, int rows, int cols, int rank, List<Integer> ms, List<Integer> depths,
            boolean nuclear, List<Double> initScales, List<Double> learningRates, int repeats, InitKind init,
            OptimizerKind optimizer, long maxIterations, double lossThreshold, double nuclearEpsilon, long seed,
            boolean varyData) {
        this(problem, rows, cols, rank, ms, depths, nuclear, initScales, learningRates, repeats, init, optimizer,
                maxIterations, lossThreshold, nuclearEpsilon, seed, varyData, 0);
    }

    /** A grid with the authors' repeat protocol (data fixed per m, repeats vary the initialisation). */
    public SweepGrid(Problem problem, int rows, int cols, int rank, List<Integer> ms, List<Integer> depths,
            boolean nuclear, List<Double> initScales, List<Double> learningRates, int repeats, InitKind init,
            OptimizerKind optimizer, long maxIterations, double lossThreshold, double nuclearEpsilon, long seed) {
        this(problem, rows, cols, rank, ms, depths, nuclear, initScales, learningRates, repeats, init, optimizer,
                maxIterations, lossThreshold, nuclearEpsilon, seed, false, 0);
    }

    /** Copies the lists (the grid is immutable). */
    public SweepGrid {
        ms = List.copyOf(ms);
        depths = List.copyOf(depths);
        initScales = List.copyOf(initScales);
        learningRates = List.copyOf(learningRates);
    }

    /**
     * The paper's Fig. 2 grid: 100 x 100, rank 5, m in {2000, 5000}, depths 1-4 and the
     * nuclear-norm baseline, s in {1e-3, 1e-4, 1e-5, 1e-6} (sensing, as the appendix, also
     * 1e-7), lr in {1e-3, 3e-4}, 3 repeats with the authors' protocol, gaussian init,
     * GroupRMSprop, loss threshold 1e-6, at most 10^6 iterations, epsilon 1e-3.
     */
    public static SweepGrid paper(Problem problem, long seed) {
        List<Double> scales = problem == Problem.SENSING ? List.of(1e-3, 1e-4, 1e-5, 1e-6, 1e-7)
                : List.of(1e-3, 1e-4, 1e-5, 1e-6);
        return new SweepGrid(problem, 100, 100, 5, List.of(2000, 5000), List.of(1, 2, 3, 4), true,
                scales, List.of(1e-3, 3e-4), 3, InitKind.GAUSSIAN,
                OptimizerKind.GROUP_RMSPROP, 1_000_000, 1e-6, NuclearNormConfig.DEFAULT_EPSILON, seed);
    }

    /** @return this grid with the other repeat protocol */
    public SweepGrid withVaryData(boolean vary) {
        return new SweepGrid(problem, rows, cols, rank, ms, depths, nuclear, initScales, learningRates, repeats, init,
                optimizer, maxIterations, lossThreshold, nuclearEpsilon, seed, vary, noiseStd);
    }

    /** @return this grid with noise of standard deviation {@code sigma} on the data (0: none) */
    public SweepGrid withNoiseStd(double sigma) {
        return new SweepGrid(problem, rows, cols, rank, ms, depths, nuclear, initScales, learningRates, repeats, init,
                optimizer, maxIterations, lossThreshold, nuclearEpsilon, seed, varyData, sigma);
    }

    /** @return "init" (the authors' protocol) or "data+init" ({@code varyData}): what differs between repeats */
    public String repeatsVary() {
        return repeatsVary(varyData);
    }

    static String repeatsVary(boolean varyData) {
        return varyData ? "data+init" : "init";
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        require(problem != null, "Problem must be given");
        require(rows >= 1 && cols >= 1, "Matrix shape must be positive, got " + rows + " x " + cols);
        require(rank >= 1 && rank <= Math.min(rows, cols), "Rank must be in [1, " + Math.min(rows, cols) + "], got "
                + rank);
        require(!ms.isEmpty(), "At least one number of observations m is needed");
        for (int m : ms) {
            require(m >= 1, "Number of observations m must be >= 1, got " + m);
            require(problem == Problem.SENSING || (long) m <= (long) rows * cols, "Cannot observe m = " + m
                    + " distinct entries of a " + rows + " x " + cols + " matrix");
        }
        require(!depths.isEmpty() || nuclear, "At least one depth or the nuclear-norm baseline is needed");
        for (int d : depths) {
            require(d >= 1, "Depth must be >= 1, got " + d);
        }
        require(depths.isEmpty() || !initScales.isEmpty(), "At least one initialisation scale is needed");
        for (double s : initScales) {
            require(s > 0 && Double.isFinite(s), "Initialisation scale must be finite and > 0, got " + s);
        }
        require(depths.isEmpty() || !learningRates.isEmpty(), "At least one learning rate is needed");
        for (double lr : learningRates) {
            require(lr > 0 && Double.isFinite(lr), "Learning rate must be finite and > 0, got " + lr);
        }
        requireDistinct(ms, "Number of observations m");
        requireDistinct(depths, "Depth");
        requireDistinct(initScales, "Initialisation scale");
        requireDistinct(learningRates, "Learning rate");
        require(repeats >= 1, "Repeats must be >= 1, got " + repeats);
        require(init != null && optimizer != null, "Initialisation and optimizer must be given");
        require(maxIterations >= 0, "Maximum iterations must be >= 0, got " + maxIterations);
        require(lossThreshold >= 0 && Double.isFinite(lossThreshold), "Loss threshold must be finite and >= 0, got "
                + lossThreshold);
        require(nuclearEpsilon >= 0 && Double.isFinite(nuclearEpsilon),
                "Nuclear-norm epsilon must be finite and >= 0, got " + nuclearEpsilon);
        require(noiseStd >= 0 && Double.isFinite(noiseStd), "Noise standard deviation (noise_std) must be finite "
                + "and >= 0, got " + noiseStd);
    }

    /** @return the seed of the ground truth of a repeat (repeat 0's for all with the authors' protocol) */
    public long truthSeed(int repeat) {
        return Seeds.derive(seed, Seeds.key("truth", "repeat", dataRepeat(repeat)));
    }

    /** @return the seed of the observation mask or sensing operator (repeat 0's with the authors' protocol) */
    public long sampleSeed(int m, int repeat) {
        return Seeds.derive(seed, Seeds.key(problem.id() + "-sample", "m", m, "repeat", dataRepeat(repeat)));
    }

    /**
     * @return the seed of the noise on the observed values / measurements of (m, repeat): one data
     *         set, one noise draw (repeat 0's with the authors' protocol, as the sample)
     */
    public long noiseSeed(int m, int repeat) {
        return Seeds.derive(seed, Seeds.key(problem.id() + "-noise", "m", m, "repeat", dataRepeat(repeat)));
    }

    /** Fixed data reuse repeat 0's seeds, so repeat 0 is the same run under either protocol. */
    private int dataRepeat(int repeat) {
        return varyData ? repeat : 0;
    }

    /** @return the seed of a deep factorization's initialisation */
    public long initSeed(int m, int depth, int repeat) {
        return Seeds.derive(seed, Seeds.key("init", "m", m, "depth", depth, "repeat", repeat));
    }

    /**
     * @return every run in grid order: m, then depth, learning rate, scale, repeat; the
     *         baseline's runs after the depths of each m (one per repeat with {@code varyData};
     *         one in all with fixed data, where the solver would repeat the same computation)
     */
    public List<RunSpec> runs() {
        validate();
        List<RunSpec> out = new ArrayList<>();
        for (int m : ms) {
            for (int depth : depths) {
                for (double lr : learningRates) {
                    for (double s : initScales) {
                        for (int r = 0; r < repeats; r++) {
                            out.add(new RunSpec(problem, rows, cols, rank, m, false, depth, init, s, optimizer, lr, r,
                                    truthSeed(r), sampleSeed(m, r), initSeed(m, depth, r), varyData, noiseStd));
                        }
                    }
                }
            }
            if (nuclear) {
                for (int r = 0; r < (varyData ? repeats : 1); r++) {
                    out.add(new RunSpec(problem, rows, cols, rank, m, true, 0, null, Double.NaN, null, Double.NaN, r,
                            truthSeed(r), sampleSeed(m, r), 0, varyData, noiseStd));
                }
            }
        }
        return out;
    }

    private static void requireDistinct(List<?> values, String what) {
        for (int i = 0; i < values.size(); i++) {
            require(values.indexOf(values.get(i)) == i, what + " " + values.get(i) + " is listed twice");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
