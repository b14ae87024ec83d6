package org.deepfact.engine.experiment;

import org.deepfact.engine.baseline.LinearConstraints;
import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * Lets the nuclear-norm solver use a {@link SensingOperator} (stored or regenerated A_i) as
 * its measurement map, through the operator's public fused residual/adjoint pass. Not
 * thread-safe (it owns scratch arrays): one instance per solve.
 */
final class SensingConstraints implements LinearConstraints {

    private final SensingOperator op;
    private final DMatrixRMaj zero;
    private final double[] negated;
    private final double[] scratch;

    SensingConstraints(SensingOperator op) {
        this.op = op;
        this.zero = new DMatrixRMaj(op.rows(), op.cols());
        this.negated = new double[op.size()];
        this.scratch = new double[op.rows() * op.cols()];
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
        double[] y = op.measure(x);
        System.arraycopy(y, 0, out, 0, y.length);
    }

    /** sum_i r_i A_i, computed as the operator's adjoint of the residual &lt;A_i, 0&gt; - (-r_i). */
    @Override
    public void adjoint(double[] r, DMatrixRMaj out) {
        for (int i = 0; i < r.length; i++) {
            negated[i] = -r[i];
        }
        op.residualAndAdjoint(zero, negated, 1.0, out, scratch);
    }
}
