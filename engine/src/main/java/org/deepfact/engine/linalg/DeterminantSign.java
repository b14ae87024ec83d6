package org.deepfact.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The sign of a square matrix's determinant, without its magnitude: det W(0) of a 100 x 100
 * initialisation at scale 1e-3 is about 1e-500 and underflows, but its sign is still defined.
 */
public final class DeterminantSign {

    private DeterminantSign() {
    }

    /**
     * Gaussian elimination with partial pivoting that multiplies only signs.
     *
     * @return +1, -1, or 0 when a pivot is exactly zero (singular to working precision)
     * @throws IllegalArgumentException when the matrix is not square or not finite
     */
    public static int of(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        if (n != matrix.numCols) {
            throw new IllegalArgumentException("Determinant needs a square matrix, got " + matrix.numRows + " x "
                    + matrix.numCols);
        }
        double[] a = matrix.data.clone();
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Determinant of a matrix with a non-finite entry " + v);
            }
        }
        int sign = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) {
                    p = i;
                }
            }
            double pivot = a[p * n + k];
            if (pivot == 0) {
                return 0;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j];
                    a[k * n + j] = a[p * n + j];
                    a[p * n + j] = t;
                }
                sign = -sign;
            }
            if (pivot < 0) {
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++) {
                double f = a[i * n + k] / pivot;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[i * n + j] -= f * a[k * n + j];
                    }
                }
            }
        }
        return sign;
    }
}
