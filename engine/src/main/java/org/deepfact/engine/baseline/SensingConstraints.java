package org.deepfact.engine.baseline;

import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * The measurement map of a {@link SensingOperator} (stored or regenerated A_i) as solver
 * constraints: A(X)_i = &lt;A_i, X&gt; and A^T(r) = sum_i r_i A_i through the operator's own
 * passes, so no A_i is materialised beyond what the operator already stores. Gives the same
 * numbers, bit for bit, as {@link DenseSensingConstraints} built from the operator's
 * matrices. Not thread-safe (one workspace for regenerated operators): one instance per solve.
 */
public final class SensingConstraints implements LinearConstraints {

    private final SensingOperator op;
    private final SensingOperator.Workspace workspace;

    /** @throws NullPointerException when the operator is null */
    public SensingConstraints(SensingOperator op) {
        if (op == null) {
            throw new NullPointerException("Sensing operator is null");
        }
        this.op = op;
        this.workspace = op.newWorkspace();
    }

    @Override
    public int rows() {
        return op.rows();
    }

    @Override
    public int cols() {
        return op.cols();
    }

    @Override
    public int size() {
        return op.size();
    }

    @Override
    public void apply(DMatrixRMaj x, double[] out) {
        op.measure(x, out, workspace);
    }

    @Override
    public void adjoint(double[] r, DMatrixRMaj out) {
        op.adjoint(r, out, workspace);
    }

    /** One pass over the A_i instead of two (each A_i read or regenerated once); same numbers. */
    @Override
    public void applyThenAdjoint(DMatrixRMaj x, double[] ax, SensingOperator.Coefficients f, double[] c,
            DMatrixRMaj out) {
        op.measureAndAdjoint(x, ax, f, c, out, workspace);
    }
}
