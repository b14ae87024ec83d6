package org.deepfact.engine.linalg;

/**
 * Row-level kernels for the sparse (observed-entry) parts of the gradient. Prefer the
 * zero-offset forms on separate row arrays: HotSpot C2 (Java 17) vectorises
 * {@code y[k] += a * x[k]} only then (about 3x faster than with offsets into one flat array).
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Dot product of a[aOff .. aOff+n) and b[bOff .. bOff+n) with four partial sums combined in a
     * fixed order: faster than one running sum and still deterministic.
     */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[aOff + k] * b[bOff + k];
            s1 += a[aOff + k + 1] * b[bOff + k + 1];
            s2 += a[aOff + k + 2] * b[bOff + k + 2];
            s3 += a[aOff + k + 3] * b[bOff + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[aOff + k] * b[bOff + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[yOff .. yOff+n) += alpha * x[xOff .. xOff+n). */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] += alpha * x[xOff + k];
        }
    }

    /**
     * Dot product of a[0 .. n) and b[0 .. n) with eight partial sums combined pairwise in a fixed
     * order (C2 does not vectorise a floating-point reduction; independent sums hide the add latency).
     */
    public static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
            s4 += a[k + 4] * b[k + 4];
            s5 += a[k + 5] * b[k + 5];
            s6 += a[k + 6] * b[k + 6];
            s7 += a[k + 7] * b[k + 7];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** y[0 .. n) += alpha * x[0 .. n). */
    public static void axpy(double alpha, double[] x, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] += alpha * x[k];
        }
    }
}
