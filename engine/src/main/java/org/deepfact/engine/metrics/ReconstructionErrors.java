package org.deepfact.engine.metrics;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;

/**
 * Error of an estimate W against a ground truth W* on all entries, on a set of observed entries,
 * or on the complement of that set (the unobserved / held-out entries). For a subset S:
 * MSE = sum_S (W - W*)^2 / |S|, RMSE = sqrt(MSE), relative Frobenius error
 * = ||P_S(W - W*)||_F / ||P_S(W*)||_F (+infinity when P_S(W*) = 0 and the difference is not,
 * 0 when both are 0), max abs error = max_S |W - W*|. An empty subset gives count 0 and NaN metrics.
 */
public final class ReconstructionErrors {

    /** The metrics of one subset of entries. */
    public record Errors(long count, double mse, double rmse, double relativeFrobenius, double maxAbs) {
    }

    private ReconstructionErrors() {
    }

    /** @return the metrics over every entry */
    public static Errors all(DMatrixRMaj estimate, DMatrixRMaj truth) {
        checkShapes(estimate, truth);
        Accumulator a = new Accumulator();
        for (int e = 0; e < truth.getNumElements(); e++) {
            a.add(estimate.data[e], truth.data[e]);
        }
        return a.result();
    }

    /** @return the metrics over the observed positions (values taken from {@code truth}, not from the observations) */
    public static Errors observed(DMatrixRMaj estimate, DMatrixRMaj truth, Observations observed) {
        checkShapes(estimate, truth);
        checkObservations(observed, truth);
        Accumulator a = new Accumulator();
        for (int k = 0; k < observed.size(); k++) {
            a.add(estimate.unsafe_get(observed.row(k), observed.col(k)),
                    truth.unsafe_get(observed.row(k), observed.col(k)));
        }
        return a.result();
    }

    /** @return the metrics over every position not in {@code observed} */
    public static Errors unobserved(DMatrixRMaj estimate, DMatrixRMaj truth, Observations observed) {
        checkShapes(estimate, truth);
        checkObservations(observed, truth);
        boolean[] seen = new boolean[truth.getNumElements()];
        for (int k = 0; k < observed.size(); k++) {
            seen[observed.row(k) * truth.numCols + observed.col(k)] = true;
        }
        Accumulator a = new Accumulator();
        for (int e = 0; e < seen.length; e++) {
            if (!seen[e]) {
                a.add(estimate.data[e], truth.data[e]);
            }
        }
        return a.result();
    }

    private static void checkShapes(DMatrixRMaj estimate, DMatrixRMaj truth) {
        if (estimate.numRows != truth.numRows || estimate.numCols != truth.numCols) {
            throw new IllegalArgumentException("Estimate is " + estimate.numRows + " x " + estimate.numCols
                    + " but the ground truth is " + truth.numRows + " x " + truth.numCols);
        }
    }

    private static void checkObservations(Observations observed, DMatrixRMaj truth) {
        if (observed.rows() > truth.numRows || observed.cols() > truth.numCols) {
            throw new IllegalArgumentException("Observed entries index a " + observed.rows() + " x " + observed.cols()
                    + " matrix, larger than the " + truth.numRows + " x " + truth.numCols + " ground truth");
        }
    }

    /** Sums scaled by the running maximum would be overkill here: entries are O(1) by construction. */
    private static final class Accumulator {
        private long count;
        private double squaredError;
        private double squaredTruth;
        private double maxAbs;

        void add(double estimate, double truth) {
            double d = estimate - truth;
            squaredError += d * d;
            squaredTruth += truth * truth;
            maxAbs = Math.max(maxAbs, Math.abs(d));
            count++;
        }

        Errors result() {
            if (count == 0) {
                return new Errors(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mse = squaredError / count;
            double rel = squaredTruth > 0 ? Math.sqrt(squaredError / squaredTruth)
                    : squaredError == 0 ? 0 : Double.POSITIVE_INFINITY;
            return new Errors(count, mse, Math.sqrt(mse), rel, maxAbs);
        }
    }
}
