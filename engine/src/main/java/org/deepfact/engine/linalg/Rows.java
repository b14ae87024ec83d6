package org.deepfact.engine.linalg;

/**
 * Row-level kernels for the sparse (observed-entry) parts of the gradient and the sensing
 * passes. Each call runs the Vector API version ({@link VectorRows}) when {@link Kernels} found
 * the module, else the plain-Java one ({@link PlainRows}, which defines the arithmetic); both
 * give the same bits. Prefer the zero-offset forms on separate row arrays: the plain axpy loops
 * vectorise only then.
 */
public final class Rows {

    private Rows() {
    }

    /** Dot product of a[aOff .. aOff+n) and b[bOff .. bOff+n) (eight fixed partial sums, see {@link PlainRows}). */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        return Kernels.VECTOR ? VectorRows.dot(a, aOff, b, bOff, n) : PlainRows.dot(a, aOff, b, bOff, n);
    }

    /** Dot product of a[0 .. n) and b[0 .. n). */
    public static double dot(double[] a, double[] b, int n) {
        return dot(a, 0, b, 0, n);
    }

    /** y[yOff .. yOff+n) = fma(alpha, x[xOff ..], y[yOff ..]). */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        if (Kernels.VECTOR) {
            VectorRows.axpy(alpha, x, xOff, y, yOff, n);
        } else {
            PlainRows.axpy(alpha, x, xOff, y, yOff, n);
        }
    }

    /** y[0 .. n) = fma(alpha, x[0 .. n), y[0 .. n)). */
    public static void axpy(double alpha, double[] x, double[] y, int n) {
        if (Kernels.VECTOR) {
            VectorRows.axpy(alpha, x, 0, y, 0, n);
        } else {
            PlainRows.axpy(alpha, x, y, n);
        }
    }

    /** Two dot products sharing {@code a}: out[u] = dot(a, b_u, n), each a[k] loaded once for both. */
    public static void dot2(double[] a, double[] b0, double[] b1, int n, double[] out) {
        if (Kernels.VECTOR) {
            VectorRows.dot2(a, b0, b1, n, out);
        } else {
            PlainRows.dot2(a, b0, b1, n, out);
        }
    }

    /** Four dot products sharing {@code a}: out[u] = dot(a, b_u, n), each a[k] loaded once for all four. */
    public static void dot4(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int n, double[] out) {
        if (Kernels.VECTOR) {
            VectorRows.dot4(a, b0, b1, b2, b3, n, out);
        } else {
            PlainRows.dot4(a, b0, b1, b2, b3, n, out);
        }
    }

    /** y[0 .. n) += c0 x0 + c1 x1 as two axpys in that order, in one pass over y. */
    public static void axpy2(double c0, double[] x0, double c1, double[] x1, double[] y, int n) {
        if (Kernels.VECTOR) {
            VectorRows.axpy2(c0, x0, c1, x1, y, n);
        } else {
            PlainRows.axpy2(c0, x0, c1, x1, y, n);
        }
    }

    /** y[0 .. n) += c0 x0 + .. + c3 x3 as four axpys in that order, in one pass over y. */
    public static void axpy4(double c0, double[] x0, double c1, double[] x1, double c2, double[] x2, double c3,
            double[] x3, double[] y, int n) {
        if (Kernels.VECTOR) {
            VectorRows.axpy4(c0, x0, c1, x1, c2, x2, c3, x3, y, n);
        } else {
            PlainRows.axpy4(c0, x0, c1, x1, c2, x2, c3, x3, y, n);
        }
    }
}
