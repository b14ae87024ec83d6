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

    /**
     * Two dot products sharing {@code a}: out[0] = dot(a, b0, n), out[1] = dot(a, b1, n), each
     * bit-identical to {@link #dot(double[], double[], int)} (same eight partial sums, same
     * combination), while every a[k] is loaded once for both.
     */
    public static void dot2(double[] a, double[] b0, double[] b1, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double u0 = 0;
        double u1 = 0;
        double u2 = 0;
        double u3 = 0;
        double u4 = 0;
        double u5 = 0;
        double u6 = 0;
        double u7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            double a0 = a[k];
            double a1 = a[k + 1];
            double a2 = a[k + 2];
            double a3 = a[k + 3];
            double a4 = a[k + 4];
            double a5 = a[k + 5];
            double a6 = a[k + 6];
            double a7 = a[k + 7];
            s0 += a0 * b0[k];
            s1 += a1 * b0[k + 1];
            s2 += a2 * b0[k + 2];
            s3 += a3 * b0[k + 3];
            s4 += a4 * b0[k + 4];
            s5 += a5 * b0[k + 5];
            s6 += a6 * b0[k + 6];
            s7 += a7 * b0[k + 7];
            u0 += a0 * b1[k];
            u1 += a1 * b1[k + 1];
            u2 += a2 * b1[k + 2];
            u3 += a3 * b1[k + 3];
            u4 += a4 * b1[k + 4];
            u5 += a5 * b1[k + 5];
            u6 += a6 * b1[k + 6];
            u7 += a7 * b1[k + 7];
        }
        for (; k < n; k++) {
            s0 += a[k] * b0[k];
            u0 += a[k] * b1[k];
        }
        out[0] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        out[1] = ((u0 + u1) + (u2 + u3)) + ((u4 + u5) + (u6 + u7));
    }

    /**
     * y[0 .. n) += c0 x0 + c1 x1 + c2 x2 + c3 x3, added left to right: bit-identical to four
     * {@link #axpy(double, double[], double[], int)} calls in that order, with one pass over y.
     */
    public static void axpy4(double c0, double[] x0, double c1, double[] x1, double c2, double[] x2, double c3,
            double[] x3, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = y[k] + c0 * x0[k] + c1 * x1[k] + c2 * x2[k] + c3 * x3[k];
        }
    }

    /** y[0 .. n) += c0 x0 + c1 x1, left to right: bit-identical to two {@code axpy} calls in that order. */
    public static void axpy2(double c0, double[] x0, double c1, double[] x1, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = y[k] + c0 * x0[k] + c1 * x1[k];
        }
    }

    /**
     * Four dot products sharing {@code a}: out[u] = dot(a, b_u, n), each bit-identical to
     * {@link #dot(double[], double[], int)}. Partial sums 0-3 and 4-7 are built in two loops
     * (16 accumulators each, so they stay in registers); each a[k] is loaded once for all four.
     */
    public static void dot4(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int n, double[] out) {
        double p00 = 0, p01 = 0, p02 = 0, p03 = 0;
        double p10 = 0, p11 = 0, p12 = 0, p13 = 0;
        double p20 = 0, p21 = 0, p22 = 0, p23 = 0;
        double p30 = 0, p31 = 0, p32 = 0, p33 = 0;
        int end = n & ~7;
        for (int k = 0; k < end; k += 8) {
            double a0 = a[k];
            double a1 = a[k + 1];
            double a2 = a[k + 2];
            double a3 = a[k + 3];
            p00 += a0 * b0[k];
            p01 += a1 * b0[k + 1];
            p02 += a2 * b0[k + 2];
            p03 += a3 * b0[k + 3];
            p10 += a0 * b1[k];
            p11 += a1 * b1[k + 1];
            p12 += a2 * b1[k + 2];
            p13 += a3 * b1[k + 3];
            p20 += a0 * b2[k];
            p21 += a1 * b2[k + 1];
            p22 += a2 * b2[k + 2];
            p23 += a3 * b2[k + 3];
            p30 += a0 * b3[k];
            p31 += a1 * b3[k + 1];
            p32 += a2 * b3[k + 2];
            p33 += a3 * b3[k + 3];
        }
        for (int k = end; k < n; k++) {
            p00 += a[k] * b0[k];
            p10 += a[k] * b1[k];
            p20 += a[k] * b2[k];
            p30 += a[k] * b3[k];
        }
        double q00 = 0, q01 = 0, q02 = 0, q03 = 0;
        double q10 = 0, q11 = 0, q12 = 0, q13 = 0;
        double q20 = 0, q21 = 0, q22 = 0, q23 = 0;
        double q30 = 0, q31 = 0, q32 = 0, q33 = 0;
        for (int k = 4; k < end; k += 8) {
            double a0 = a[k];
            double a1 = a[k + 1];
            double a2 = a[k + 2];
            double a3 = a[k + 3];
            q00 += a0 * b0[k];
            q01 += a1 * b0[k + 1];
            q02 += a2 * b0[k + 2];
            q03 += a3 * b0[k + 3];
            q10 += a0 * b1[k];
            q11 += a1 * b1[k + 1];
            q12 += a2 * b1[k + 2];
            q13 += a3 * b1[k + 3];
            q20 += a0 * b2[k];
            q21 += a1 * b2[k + 1];
            q22 += a2 * b2[k + 2];
            q23 += a3 * b2[k + 3];
            q30 += a0 * b3[k];
            q31 += a1 * b3[k + 1];
            q32 += a2 * b3[k + 2];
            q33 += a3 * b3[k + 3];
        }
        out[0] = ((p00 + p01) + (p02 + p03)) + ((q00 + q01) + (q02 + q03));
        out[1] = ((p10 + p11) + (p12 + p13)) + ((q10 + q11) + (q12 + q13));
        out[2] = ((p20 + p21) + (p22 + p23)) + ((q20 + q21) + (q22 + q23));
        out[3] = ((p30 + p31) + (p32 + p33)) + ((q30 + q31) + (q32 + q33));
    }
}
