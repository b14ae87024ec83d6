package org.deepfact.engine.train;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

/** The outcome of {@link Trainer#train}: final matrix, factors, history and why it stopped. */
public final class TrainingResult {

    private final DMatrixRMaj endToEnd;
    private final DMatrixRMaj[] factors;
    private final List<HistoryRecord> history;
    private final StopReason stopReason;
    private final long iterations;
    private final double seconds;

    TrainingResult(DMatrixRMaj endToEnd, DMatrixRMaj[] factors, List<HistoryRecord> history, StopReason stopReason,
            long iterations, double seconds) {
        this.endToEnd = endToEnd;
        this.factors = factors;
        this.history = List.copyOf(history);
        this.stopReason = stopReason;
        this.iterations = iterations;
        this.seconds = seconds;
    }

    /** @return a copy of the final end-to-end matrix W = W_N ... W_1 (symmetric: P P^T) */
    public DMatrixRMaj endToEnd() {
        return endToEnd.copy();
    }

    /** @return the number of trained factors: N, or N/2 (P's) for the symmetric factorization W = P P^T */
    public int depth() {
        return factors.length;
    }

    /** @return a copy of factor W_j, 1-based as in the paper (symmetric: of P = W_{N/2} ... W_1) */
    public DMatrixRMaj factor(int j) {
        if (j < 1 || j > factors.length) {
            throw new IllegalArgumentException("Factor index " + j + " is out of range [1, " + factors.length + "]");
        }
        return factors[j - 1].copy();
    }

    /** @return the history records, first to last; the last one is at the final iteration */
    public List<HistoryRecord> history() {
        return history;
    }

    /** @return the record at the final iteration */
    public HistoryRecord last() {
        return history.get(history.size() - 1);
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** @return optimiser steps taken */
    public long iterations() {
        return iterations;
    }

    /** @return wall-clock seconds of training (including metrics) */
    public double seconds() {
        return seconds;
    }
}
