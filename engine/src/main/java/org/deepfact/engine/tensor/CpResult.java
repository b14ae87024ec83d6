package org.deepfact.engine.tensor;

import java.util.List;

import org.deepfact.engine.train.StopReason;

/**
 * The outcome of one CP factorization run.
 *
 * @param factorization the final factors
 * @param completed the final tensor, dense and row-major
 * @param componentNorms the final norm of every component, by component index
 * @param history one record per logged iteration; the last one is the stopping iteration
 * @param stopReason converged (loss threshold) or the iteration cap
 * @param iterations optimiser steps taken
 * @param seconds wall time of the run
 */
public record CpResult(CpTensor factorization, double[] completed, double[] componentNorms,
        List<CpHistoryRecord> history, StopReason stopReason, long iterations, double seconds) {

    /** Copies, so the result stays immutable. */
    public CpResult {
        completed = completed.clone();
        componentNorms = componentNorms.clone();
        history = List.copyOf(history);
    }

    @Override
    public double[] completed() {
        return completed.clone();
    }

    @Override
    public double[] componentNorms() {
        return componentNorms.clone();
    }

    /** @return the record of the stopping iteration */
    public CpHistoryRecord last() {
        return history.get(history.size() - 1);
    }
}
