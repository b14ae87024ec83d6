package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * A linear measurement map A: R^{rows x cols} -> R^m, A(X)_i = &lt;A_i, X&gt;, and its adjoint.
 * The nuclear-norm solver only ever touches the map through these calls, so completion
 * (sparse, A A^T = I) and sensing (dense, possibly regenerated on the fly) share one solver.
 * Implementations must be deterministic and must not allocate per call if they want the
 * solver loop to stay allocation-free.
 */
public interface LinearConstraints {

    int rows();

    int cols();

    /** @return the number of measurements m */
    int size();

    /** Writes A(X) into {@code out} (length m). */
    void apply(DMatrixRMaj x, double[] out);

    /** Overwrites {@code out} ({@code rows x cols}) with A^T(r) = sum_i r_i A_i. */
    void adjoint(double[] r, DMatrixRMaj out);

    /**
     * @return true when A A^T = I (e.g. entry sampling without repetition). The solver then
     *         projects onto the constraint set exactly, which is much faster than the general
     *         primal-dual method. Returning true for a map without this property gives wrong
     *         answers, so the default is false.
     */
    default boolean hasOrthonormalRows() {
        return false;
    }
}
