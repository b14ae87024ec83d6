package org.deepfact.engine.baseline;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;

/**
 * Entry sampling P_Omega for matrix completion: A(X)_k = X[row_k, col_k]. Since every
 * position occurs at most once ({@link Observations} guarantees it), A A^T = I.
 */
public final class CompletionConstraints extends InMemoryConstraints {

    /** Flat row-major positions row * cols + col, the layout of DMatrixRMaj.data. */
    private final int[] positions;

    public CompletionConstraints(Observations observations) {
        super(observations.rows(), observations.cols(), observations.size());
        this.positions = new int[observations.size()];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = observations.row(k) * observations.cols() + observations.col(k);
        }
    }

    @Override
    public void apply(DMatrixRMaj x, double[] out) {
        check(x, out);
        double[] d = x.data;
        for (int k = 0; k < positions.length; k++) {
            out[k] = d[positions[k]];
        }
    }

    @Override
    public void adjoint(double[] r, DMatrixRMaj out) {
        check(out, r);
        out.zero();
        double[] d = out.data;
        for (int k = 0; k < positions.length; k++) {
            d[positions[k]] = r[k];
        }
    }

    @Override
    public boolean hasOrthonormalRows() {
        return true;
    }
}
