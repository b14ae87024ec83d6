package org.deepfact.engine.baseline;

import org.deepfact.engine.data.SensingOperator;
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
     * A(X) and then A^T of a coefficient vector derived from it entry by entry:
     * {@code ax = A(x)}, {@code c[i] = f.of(i, ax[i])} for i = 0..m-1 in order (f runs before
     * c[i] is written, so it may read the old c[i]), {@code out = A^T(c)}. {@code out} must not
     * be {@code x}; {@code c} may be {@code ax}. Maps whose A_i are
     * expensive to read override it with one pass; the result must equal this default's.
     */
    default void applyThenAdjoint(DMatrixRMaj x, double[] ax, SensingOperator.Coefficients f, double[] c,
            DMatrixRMaj out) {
        apply(x, ax);
        for (int i = 0; i < size(); i++) {
            c[i] = f.of(i, ax[i]);
        }
        adjoint(c, out);
    }

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
