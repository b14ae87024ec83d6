package org.deepfact.engine.experiment;

import org.deepfact.engine.train.StopReason;

/**
 * The outcome of one run: the metrics of science.md section 4 at the final iterate, and where
 * early stopping would have stopped.
 *
 * <p>The held-out error is {@code train}'s (see {@link org.deepfact.engine.train.BestRecord}): the
 * mean squared error on the entries that were not observed, against their clean ground-truth
 * values. Sensing observes no entry, so there every entry is held out and it equals the
 * reconstruction error. With noisy data it falls and then turns back up once the noise is
 * fitted; the best is its minimum over the run's history, recorded every
 * {@link RecoverySweep#RECORD_EVERY} iterations and at the end.
 *
 * @param spec what was run
 * @param iterations optimiser steps (or solver iterations for the baseline)
 * @param stopReason converged, max_iterations or diverged (then the metrics are NaN)
 * @param trainLoss mean squared residual on the observations / measurements (the noisy ones, if any)
 * @param reconstructionError mean over all entries of (W - W*)^2, W* the clean truth
 * @param nuclearNorm sum of singular values of W
 * @param effectiveRank Roy and Vetterli's effective rank of W
 * @param seconds wall-clock seconds of the run (the only value that differs between runs)
 * @param heldOutError the held-out error at the final iterate
 * @param bestHeldOutError the lowest held-out error of the history; NaN for the baseline (no
 *        history: its final solution is its only point) and for a diverged run
 * @param bestHeldOutIteration the iteration of {@code bestHeldOutError} (the first of equal minima),
 *        -1 where that is NaN
 */
public record RunResult(RunSpec spec, long iterations, StopReason stopReason, double trainLoss, double reconstructionError,
        double nuclearNorm, double effectiveRank, double seconds, double heldOutError, double bestHeldOutError,
        long bestHeldOutIteration) {
}
