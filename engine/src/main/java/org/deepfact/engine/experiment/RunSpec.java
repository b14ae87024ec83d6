package org.deepfact.engine.experiment;

import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;

/**
 * One run of a recovery sweep, with every seed it uses already derived from the sweep's master
 * seed and the run's grid coordinates.
 *
 * @param problem completion or sensing
 * @param rows ground-truth rows
 * @param cols ground-truth columns
 * @param rank ground-truth rank
 * @param m observed entries (completion) or measurements (sensing)
 * @param nuclear true for the minimum-nuclear-norm baseline, false for deep matrix factorization
 * @param depth number of factors N (0 for the baseline)
 * @param init initialisation (null for the baseline)
 * @param initScale initialisation scale s (NaN for the baseline)
 * @param optimizer optimizer (null for the baseline)
 * @param learningRate learning rate (NaN for the baseline)
 * @param repeat repeat index, 0-based
 * @param truthSeed seed of the ground truth (depends on the repeat with {@code varyData}, else on nothing)
 * @param sampleSeed seed of the observation mask / sensing operator (depends on m, and on the repeat
 *        with {@code varyData})
 * @param seed seed of the initialisation (depends on m, depth and the repeat; 0 for the baseline)
 * @param varyData whether the repeats also draw new data (see {@link SweepGrid#varyData()})
 * @param noiseStd standard deviation of the noise on the data (see {@link SweepGrid#noiseStd()})
 */
public record RunSpec(Problem problem, int rows, int cols, int rank, int m, boolean nuclear, int depth, InitKind init,
        double initScale, OptimizerKind optimizer, double learningRate, int repeat, long truthSeed, long sampleSeed,
        long seed, boolean varyData, double noiseStd) {

    /** A run on exact data. */
    public RunSpec(Problem problem, int rows, int cols, int rank, int m, boolean nuclear, int depth, InitKind init,
            double initScale, OptimizerKind optimizer, double learningRate, int repeat, long truthSeed,
            long sampleSeed, long seed, boolean varyData) {
        this(problem, rows, cols, rank, m, nuclear, depth, init, initScale, optimizer, learningRate, repeat,
                truthSeed, sampleSeed, seed, varyData, 0);
    }

    /** A run of the authors' repeat protocol (data fixed, repeats vary the initialisation). */
    public RunSpec(Problem problem, int rows, int cols, int rank, int m, boolean nuclear, int depth, InitKind init,
            double initScale, OptimizerKind optimizer, double learningRate, int repeat, long truthSeed,
            long sampleSeed, long seed) {
        this(problem, rows, cols, rank, m, nuclear, depth, init, initScale, optimizer, learningRate, repeat,
                truthSeed, sampleSeed, seed, false, 0);
    }

    /** @return what differs between repeats: "init" or "data+init" */
    public String repeatsVary() {
        return SweepGrid.repeatsVary(varyData);
    }

    /** @return "dmf" or "nuclear" */
    public String method() {
        return nuclear ? "nuclear" : "dmf";
    }

    /** @return a short text naming the run, e.g. "completion m=2000 depth=3 s=1.0E-4 lr=0.001 repeat=0" */
    public String label() {
        return problem.id() + " m=" + m + (nuclear ? " nuclear-norm" : " depth=" + depth + " s=" + initScale
                + " lr=" + learningRate) + " repeat=" + repeat;
    }
}
