package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;

/** Largest constraint violation max_i max(0, |A(X)_i - y_i| - eps) of a candidate X. */
final class Violation {

    private Violation() {
    }

    /** @param buffer scratch of length m */
    static double max(LinearConstraints a, double[] y, double eps, DMatrixRMaj x, double[] buffer) {
        a.apply(x, buffer);
        double worst = 0;
        for (int i = 0; i < buffer.length; i++) {
            worst = Math.max(worst, Math.abs(buffer[i] - y[i]) - eps);
        }
        return worst;
    }
}
