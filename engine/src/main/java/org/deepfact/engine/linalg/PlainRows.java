package org.deepfact.engine.linalg;

/**
 * The plain-Java implementations behind {@link Rows} (no Vector API), and the definition of
 * their arithmetic that {@link VectorRows} reproduces bit for bit:
 * <ul>
 * <li>a dot product of length n has eight partial sums; element k goes to sum k mod 8 as
 * s = fma(a_k, b_k, s), in ascending k; the result is ((s0 + s1) + (s2 + s3)) + ((s4 + s5) +
 * (s6 + s7));</li>
 * <li>an axpy is y_k = fma(alpha, x_k, y_k); a fused one applies its terms left to right.</li>
 * </ul>
 * The zero-offset loops are kept separate: C2 (Java 17) vectorises {@code y[k] = fma(a, x[k], y[k])}
 * only then; it never vectorises the reductions, so the eight sums are independent scalar chains.
 */
final class PlainRows {

    private PlainRows() {
    }

    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            int i = aOff + k;
            int j = bOff + k;
            s0 = Math.fma(a[i], b[j], s0);
            s1 = Math.fma(a[i + 1], b[j + 1], s1);
            s2 = Math.fma(a[i + 2], b[j + 2], s2);
            s3 = Math.fma(a[i + 3], b[j + 3], s3);
            s4 = Math.fma(a[i + 4], b[j + 4], s4);
            s5 = Math.fma(a[i + 5], b[j + 5], s5);
            s6 = Math.fma(a[i + 6], b[j + 6], s6);
            s7 = Math.fma(a[i + 7], b[j + 7], s7);
        }
        return finish(a, aOff, b, bOff, k, n, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /**
     * Adds elements k .. n-1 to their partial sums (element k to sum k mod 8) and combines the
     * eight sums in the fixed order; shared with {@link VectorRows}, whose tails end here.
     */
    static double finish(double[] a, int aOff, double[] b, int bOff, int k, int n, double s0, double s1,
            double s2, double s3, double s4, double s5, double s6, double s7) {
        for (; k < n; k++) {
            double x = a[aOff + k];
            double y = b[bOff + k];
            switch (k & 7) {
                case 0 -> s0 = Math.fma(x, y, s0);
                case 1 -> s1 = Math.fma(x, y, s1);
                case 2 -> s2 = Math.fma(x, y, s2);
                case 3 -> s3 = Math.fma(x, y, s3);
                case 4 -> s4 = Math.fma(x, y, s4);
                case 5 -> s5 = Math.fma(x, y, s5);
                case 6 -> s6 = Math.fma(x, y, s6);
                default -> s7 = Math.fma(x, y, s7);
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static void dot2(double[] a, double[] b0, double[] b1, int n, double[] out) {
        out[0] = dot(a, 0, b0, 0, n);
        out[1] = dot(a, 0, b1, 0, n);
    }

    static void dot4(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int n, double[] out) {
        out[0] = dot(a, 0, b0, 0, n);
        out[1] = dot(a, 0, b1, 0, n);
        out[2] = dot(a, 0, b2, 0, n);
        out[3] = dot(a, 0, b3, 0, n);
    }

    static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] = Math.fma(alpha, x[xOff + k], y[yOff + k]);
        }
    }

    static void axpy(double alpha, double[] x, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = Math.fma(alpha, x[k], y[k]);
        }
    }

    static void axpy2(double c0, double[] x0, double c1, double[] x1, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = Math.fma(c1, x1[k], Math.fma(c0, x0[k], y[k]));
        }
    }

    static void axpy4(double c0, double[] x0, double c1, double[] x1, double c2, double[] x2, double c3,
            double[] x3, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            y[k] = Math.fma(c3, x3[k], Math.fma(c2, x2[k], Math.fma(c1, x1[k], Math.fma(c0, x0[k], y[k]))));
        }
    }
}
