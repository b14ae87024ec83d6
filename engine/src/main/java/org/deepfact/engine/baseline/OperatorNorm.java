package org.deepfact.engine.baseline;

import java.util.Random;

import org.deepfact.engine.ProgressCallback;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * ||A||_2 of a measurement map by power iteration on A^T A from a fixed-seed start
 * (deterministic). Power iteration approaches the norm from below; callers add a margin.
 */
final class OperatorNorm {

    private static final int MAX_ITERATIONS = 200;
    private static final double RELATIVE_CHANGE = 1e-6;

    private static final org.deepfact.engine.data.SensingOperator.Coefficients IDENTITY = (i, v) -> v;

    private OperatorNorm() {
    }

    static double estimate(LinearConstraints a, ProgressCallback callback) {
        if (a.hasOrthonormalRows()) {
            return 1;
        }
        DMatrixRMaj x = new DMatrixRMaj(a.rows(), a.cols());
        Random random = new Random(20190531L);
        for (int p = 0; p < x.data.length; p++) {
            x.data[p] = random.nextGaussian();
        }
        DMatrixRMaj image = new DMatrixRMaj(a.rows(), a.cols());
        double[] ax = new double[a.size()];
        double estimate = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            callback.checkCanceled();
            double n = NormOps_DDRM.normF(x);
            if (n == 0) {
                return 0;
            }
            for (int p = 0; p < x.data.length; p++) {
                x.data[p] /= n;
            }
            a.applyThenAdjoint(x, ax, IDENTITY, ax, image); // A^T A x, one pass over the A_i
            DMatrixRMaj t = x;
            x = image;
            image = t;
            double next = Math.sqrt(NormOps_DDRM.normF(x)); // ||A^T A x|| -> ||A||^2
            if (Math.abs(next - estimate) <= RELATIVE_CHANGE * next) {
                return next;
            }
            estimate = next;
        }
        return estimate;
    }
}
