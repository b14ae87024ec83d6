package org.deepfact.engine.data;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Generates low-rank ground-truth matrices as the authors do: U, V with i.i.d. N(0, 1)
 * entries, W* = U V^T / sqrt(r), rescaled so that ||W*||_F = sqrt(rows * cols) (unit RMS
 * entry). Options: symmetric indefinite / PSD structure and a geometric singular-value profile.
 */
public final class GroundTruth {

    private GroundTruth() {
    }

    /**
     * @return a new rows x cols matrix of rank {@code spec.rank()} with ||W*||_F = sqrt(rows*cols)
     * @throws IllegalArgumentException when the spec is invalid (see {@link GroundTruthSpec#validate()})
     */
    public static DMatrixRMaj generate(GroundTruthSpec spec) {
        spec.validate();
        SplittableRandom rng = new SplittableRandom(spec.seed());
        int r = spec.rank();
        boolean square = spec.structure() != GroundTruthSpec.Structure.GENERAL;
        DMatrixRMaj u = gaussian(spec.rows(), r, rng);
        DMatrixRMaj v = square ? u : gaussian(spec.cols(), r, rng);
        double[] weights = new double[r];
        java.util.Arrays.fill(weights, 1.0 / Math.sqrt(r));
        if (!Double.isNaN(spec.conditionNumber())) {
            // Prescribed spectrum: orthonormal singular vectors, geometric singular values.
            u = orthonormalColumns(u);
            v = square ? u : orthonormalColumns(v);
            for (int i = 0; i < r; i++) {
                weights[i] = r == 1 ? 1 : Math.pow(spec.conditionNumber(), -(double) i / (r - 1));
            }
        }
        if (spec.structure() == GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE) {
            for (int i = 0; i < r; i++) {
                weights[i] *= rng.nextBoolean() ? 1 : -1;
            }
        }
        DMatrixRMaj w = new DMatrixRMaj(spec.rows(), spec.cols());
        for (int i = 0; i < spec.rows(); i++) {
            for (int j = 0; j < spec.cols(); j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += u.unsafe_get(i, k) * weights[k] * v.unsafe_get(j, k);
                }
                w.unsafe_set(i, j, s);
            }
        }
        double norm = NormOps_DDRM.normF(w);
        CommonOps_DDRM.scale(Math.sqrt((double) spec.rows() * spec.cols()) / norm, w);
        return w;
    }

    static DMatrixRMaj gaussian(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /**
     * Q factor of a Gaussian matrix with column signs fixed by diag(R) &gt; 0, which makes it
     * Haar-distributed (a plain QR would bias the signs).
     */
    public static DMatrixRMaj orthonormalColumns(DMatrixRMaj gaussian) {
        DMatrixRMaj a = gaussian.copy();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj rr = qr.getR(null, true);
        for (int c = 0; c < q.numCols; c++) {
            if (rr.unsafe_get(c, c) < 0) {
                for (int i = 0; i < q.numRows; i++) {
                    q.unsafe_set(i, c, -q.unsafe_get(i, c));
                }
            }
        }
        return q;
    }
}
