package org.deepfact.knime.port;

import org.deepfact.engine.Choice;
import org.deepfact.engine.data.SensingOperator;

/**
 * The sensing operators a sensing port can hold, by the public id the Matrix Sensing node's
 * {@code operator} setting and the port's saved {@code operator} field use; each maps to one of
 * the engine's {@link SensingOperator} factories, so a port regenerates its A_i bit for bit.
 */
public enum SensingKind implements Choice {
    /** A_i with i.i.d. N(0, 1/(rows*cols)) entries (Arora et al. 2019); any shape. */
    GAUSSIAN,
    /** A_i = (B_i + B_i^T)/2 of a Gaussian B_i (Gunasekar et al. 2017); square only. */
    SYMMETRIC_GAUSSIAN,
    /** A_i = Q D_i Q^T, one Haar-random orthogonal Q (Gunasekar et al. 2017's commuting case); square only. */
    COMMUTING;

    /** Parses an id such as "commuting". */
    public static SensingKind parse(final String id) {
        return Choice.parse(SensingKind.class, id, "sensing operator");
    }

    /** @return true when the operator measures square matrices only */
    public boolean squareOnly() {
        return this != GAUSSIAN;
    }

    /**
     * @return the engine operator of this kind
     * @throws IllegalArgumentException when the shape is not square for a square-only kind, or not positive
     */
    public SensingOperator operator(final int rows, final int cols, final int m, final long seed,
        final SensingOperator.Storage storage) {
        if (squareOnly() && rows != cols) {
            throw new IllegalArgumentException("The " + id() + " sensing operator measures square matrices only, got "
                + rows + " x " + cols);
        }
        switch (this) {
            case SYMMETRIC_GAUSSIAN:
                return SensingOperator.symmetricGaussian(rows, m, seed, storage);
            case COMMUTING:
                return SensingOperator.commuting(rows, m, seed, storage);
            default:
                return SensingOperator.gaussian(rows, cols, m, seed, storage);
        }
    }

    /** @return doubles the operator holds beyond {@link SensingOperator#heldDoubles}: Q and the D_i (commuting) */
    public long extraDoubles(final int rows, final int m) {
        return this == COMMUTING ? (long)rows * rows + (long)m * rows : 0;
    }
}
