package org.deepfact.engine.train;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * What to fit: either matrix completion (observed entries) or matrix sensing (operator and
 * measurements), plus optional references for the test error: the ground truth (gives the
 * reconstruction error) and/or held-out entries (gives the held-out MSE). Immutable.
 */
public final class TrainingProblem {

    private final int rows;
    private final int cols;
    private final Observations observations;
    private final SensingOperator sensing;
    private final double[] measurements;
    private final DMatrixRMaj groundTruth;
    private final Observations heldOut;

    private TrainingProblem(int rows, int cols, Observations observations, SensingOperator sensing,
            double[] measurements, DMatrixRMaj groundTruth, Observations heldOut) {
        this.rows = rows;
        this.cols = cols;
        this.observations = observations;
        this.sensing = sensing;
        this.measurements = measurements;
        this.groundTruth = groundTruth;
        this.heldOut = heldOut;
    }

    /** Matrix completion of the observations' rows x cols matrix. */
    public static TrainingProblem completion(Observations observed) {
        if (observed == null) {
            throw new IllegalArgumentException("Observed entries must be given");
        }
        return new TrainingProblem(observed.rows(), observed.cols(), observed, null, null, null, null);
    }

    /**
     * Matrix sensing: fit y_i = &lt;A_i, W&gt;.
     *
     * @throws IllegalArgumentException when the counts differ or a measurement is not finite
     */
    public static TrainingProblem sensing(SensingOperator operator, double[] y) {
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
        return new TrainingProblem(operator.rows(), operator.cols(), null, operator, y.clone(), null, null);
    }

    /** @return a copy that also reports the reconstruction error against {@code truth} */
    public TrainingProblem withGroundTruth(DMatrixRMaj truth) {
        if (truth.numRows != rows || truth.numCols != cols) {
            throw new IllegalArgumentException("Ground truth is " + truth.numRows + " x " + truth.numCols
                    + " but the problem is " + rows + " x " + cols);
        }
        return new TrainingProblem(rows, cols, observations, sensing, measurements, truth.copy(), heldOut);
    }

    /** @return a copy that also reports the mean squared error on held-out entries */
    public TrainingProblem withHeldOut(Observations held) {
        if (held.rows() != rows || held.cols() != cols) {
            throw new IllegalArgumentException("Held-out entries are for " + held.rows() + " x " + held.cols()
                    + " but the problem is " + rows + " x " + cols);
        }
        return new TrainingProblem(rows, cols, observations, sensing, measurements, groundTruth, held);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return true for completion, false for sensing */
    public boolean isCompletion() {
        return observations != null;
    }

    /** @return the observed entries (completion only, else null) */
    public Observations observations() {
        return observations;
    }

    /** @return the sensing operator (sensing only, else null) */
    public SensingOperator sensingOperator() {
        return sensing;
    }

    /** @return a copy of the measurements (sensing only, else null) */
    public double[] measurements() {
        return measurements == null ? null : measurements.clone();
    }

    double[] measurementsShared() {
        return measurements;
    }

    /** @return the ground truth or null (shared, do not modify) */
    public DMatrixRMaj groundTruth() {
        return groundTruth;
    }

    /** @return held-out entries or null */
    public Observations heldOut() {
        return heldOut;
    }
}
