package org.deepfact.engine.data;

import org.ejml.data.DMatrixRMaj;

/**
 * What to recover, for every method (deep factorization, minimum nuclear norm, the sweeps):
 * either matrix completion (observed entries) or matrix sensing (operator and measurements),
 * plus optional references for the test error: the ground truth (gives the reconstruction
 * error) and/or held-out entries (gives the held-out MSE). Immutable.
 */
public abstract sealed class RecoveryProblem permits RecoveryProblem.Completion, RecoveryProblem.Sensing {

    private final int rows;
    private final int cols;
    private final DMatrixRMaj groundTruth;
    private final Observations heldOut;

    private RecoveryProblem(int rows, int cols, DMatrixRMaj groundTruth, Observations heldOut) {
        this.rows = rows;
        this.cols = cols;
        this.groundTruth = groundTruth;
        this.heldOut = heldOut;
    }

    /** Matrix completion of the observations' rows x cols matrix. */
    public static Completion completion(Observations observed) {
        if (observed == null) {
            throw new IllegalArgumentException("Observed entries must be given");
        }
        return new Completion(observed, null, null);
    }

    /**
     * Matrix sensing: fit y_i = &lt;A_i, W&gt;.
     *
     * @throws IllegalArgumentException when the counts differ or a measurement is not finite
     */
    public static Sensing sensing(SensingOperator operator, double[] y) {
        if (operator == null || y == null) {
            throw new IllegalArgumentException("Sensing operator and measurements must be given");
        }
        if (y.length != operator.size()) {
            throw new IllegalArgumentException("Sensing operator has " + operator.size() + " measurements but "
                    + y.length + " values were given");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Measurement " + i + " is " + y[i] + ": values must be finite");
            }
        }
        return new Sensing(operator, y.clone(), null, null);
    }

    /** @return a copy that also reports the reconstruction error against {@code truth} */
    public final RecoveryProblem withGroundTruth(DMatrixRMaj truth) {
        if (truth.numRows != rows || truth.numCols != cols) {
            throw new IllegalArgumentException("Ground truth is " + truth.numRows + " x " + truth.numCols
                    + " but the problem is " + rows + " x " + cols);
        }
        return with(truth.copy(), heldOut);
    }

    /** @return a copy that also reports the mean squared error on held-out entries */
    public final RecoveryProblem withHeldOut(Observations held) {
        if (held.rows() != rows || held.cols() != cols) {
            throw new IllegalArgumentException("Held-out entries are for " + held.rows() + " x " + held.cols()
                    + " but the problem is " + rows + " x " + cols);
        }
        return with(groundTruth, held);
    }

    abstract RecoveryProblem with(DMatrixRMaj truth, Observations held);

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    /** @return the number of observed entries or measurements, m */
    public abstract int size();

    /**
     * @return the train loss of an estimate: the mean squared residual over the observed entries
     *         or the measurements
     */
    public abstract double meanSquaredResidual(DMatrixRMaj x);

    /** @return true for completion, false for sensing */
    public final boolean isCompletion() {
        return this instanceof Completion;
    }

    /** @return the observed entries (completion only, else null) */
    public Observations observations() {
        return null;
    }

    /** @return the sensing operator (sensing only, else null) */
    public SensingOperator sensingOperator() {
        return null;
    }

    /** @return a copy of the measurements (sensing only, else null) */
    public double[] measurements() {
        return null;
    }

    /** @return the ground truth or null (shared, do not modify) */
    public final DMatrixRMaj groundTruth() {
        return groundTruth;
    }

    /** @return held-out entries or null */
    public final Observations heldOut() {
        return heldOut;
    }

    /** Observed entries W*_ij, (i, j) in Omega. */
    public static final class Completion extends RecoveryProblem {
        private final Observations observed;

        private Completion(Observations observed, DMatrixRMaj truth, Observations held) {
            super(observed.rows(), observed.cols(), truth, held);
            this.observed = observed;
        }

        @Override
        Completion with(DMatrixRMaj truth, Observations held) {
            return new Completion(observed, truth, held);
        }

        @Override
        public int size() {
            return observed.size();
        }

        @Override
        public Observations observations() {
            return observed;
        }

        @Override
        public double meanSquaredResidual(DMatrixRMaj x) {
            double sum = 0;
            for (int k = 0; k < observed.size(); k++) {
                double d = x.unsafe_get(observed.row(k), observed.col(k)) - observed.value(k);
                sum += d * d;
            }
            return sum / observed.size();
        }
    }

    /** Linear measurements y_i = &lt;A_i, W*&gt;. */
    public static final class Sensing extends RecoveryProblem {
        private final SensingOperator operator;
        private final double[] y;

        private Sensing(SensingOperator operator, double[] y, DMatrixRMaj truth, Observations held) {
            super(operator.rows(), operator.cols(), truth, held);
            this.operator = operator;
            this.y = y;
        }

        @Override
        Sensing with(DMatrixRMaj truth, Observations held) {
            return new Sensing(operator, y, truth, held);
        }

        @Override
        public int size() {
            return y.length;
        }

        @Override
        public SensingOperator sensingOperator() {
            return operator;
        }

        @Override
        public double[] measurements() {
            return y.clone();
        }

        @Override
        public double meanSquaredResidual(DMatrixRMaj x) {
            return operator.residualSquares(x, y, new double[rows() * cols()]) / y.length;
        }
    }
}
