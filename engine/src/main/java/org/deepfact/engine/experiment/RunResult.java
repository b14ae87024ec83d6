package org.deepfact.engine.experiment;

import org.deepfact.engine.train.StopReason;

/**
 * The outcome of one run: the metrics of science.md section 4 at the final iterate.
 *
 * @param spec what was run
 * @param iterations optimiser steps (or solver iterations for the baseline)
 * @param stopReason converged, max_iterations or diverged (then the metrics are NaN)
 * @param trainLoss mean squared residual on the observations / measurements
 * @param reconstructionError mean over all entries of (W - W*)^2
 * @param nuclearNorm sum of singular values of W
 * @param effectiveRank Roy and Vetterli's effective rank of W
 * @param seconds wall-clock seconds of the run (the only value that differs between runs)
 */
public record RunResult(RunSpec spec, long iterations, StopReason stopReason, double trainLoss, double reconstructionError,
        double nuclearNorm, double effectiveRank, double seconds) {
}
