package org.deepfact.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API versions of the {@link Rows} passes, bit-identical to {@link PlainRows}: the
 * eight partial sums of a dot product are lanes 0-3 and 4-7 of two 256-bit accumulators (element
 * k in lane k mod 8 whatever the machine's vector width), the lanes are read out one by one and
 * combined in PlainRows' order (never {@code reduceLanes}, whose order is unspecified). Axpys are
 * lane-wise fma, so any species gives their bits; they use the preferred one. Load only through
 * {@link Kernels}.
 */
final class VectorRows {

    private static final VectorSpecies<Double> S4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> P = DoubleVector.SPECIES_PREFERRED;

    private VectorRows() {
    }

    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        DoubleVector lo = DoubleVector.zero(S4);
        DoubleVector hi = lo;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            lo = DoubleVector.fromArray(S4, a, aOff + k).fma(DoubleVector.fromArray(S4, b, bOff + k), lo);
            hi = DoubleVector.fromArray(S4, a, aOff + k + 4).fma(DoubleVector.fromArray(S4, b, bOff + k + 4), hi);
        }
        if (k + 3 < n) {
            lo = DoubleVector.fromArray(S4, a, aOff + k).fma(DoubleVector.fromArray(S4, b, bOff + k), lo);
            k += 4;
        }
        return finish(a, aOff, b, bOff, k, n, lo, hi);
    }

    /** Scalar tail and PlainRows' combination of the eight lanes. */
    private static double finish(double[] a, int aOff, double[] b, int bOff, int k, int n, DoubleVector lo,
            DoubleVector hi) {
        return PlainRows.finish(a, aOff, b, bOff, k, n, lo.lane(0), lo.lane(1), lo.lane(2), lo.lane(3), hi.lane(0),
                hi.lane(1), hi.lane(2), hi.lane(3));
    }

    static void dot2(double[] a, double[] b0, double[] b1, int n, double[] out) {
        DoubleVector l0 = DoubleVector.zero(S4);
        DoubleVector h0 = l0;
        DoubleVector l1 = l0;
        DoubleVector h1 = l0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            DoubleVector al = DoubleVector.fromArray(S4, a, k);
            DoubleVector ah = DoubleVector.fromArray(S4, a, k + 4);
            l0 = al.fma(DoubleVector.fromArray(S4, b0, k), l0);
            h0 = ah.fma(DoubleVector.fromArray(S4, b0, k + 4), h0);
            l1 = al.fma(DoubleVector.fromArray(S4, b1, k), l1);
            h1 = ah.fma(DoubleVector.fromArray(S4, b1, k + 4), h1);
        }
        if (k + 3 < n) {
            DoubleVector al = DoubleVector.fromArray(S4, a, k);
            l0 = al.fma(DoubleVector.fromArray(S4, b0, k), l0);
            l1 = al.fma(DoubleVector.fromArray(S4, b1, k), l1);
            k += 4;
        }
        out[0] = finish(a, 0, b0, 0, k, n, l0, h0);
        out[1] = finish(a, 0, b1, 0, k, n, l1, h1);
    }

    static void dot4(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int n, double[] out) {
        DoubleVector l0 = DoubleVector.zero(S4);
        DoubleVector h0 = l0;
        DoubleVector l1 = l0;
        DoubleVector h1 = l0;
        DoubleVector l2 = l0;
        DoubleVector h2 = l0;
        DoubleVector l3 = l0;
        DoubleVector h3 = l0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            DoubleVector al = DoubleVector.fromArray(S4, a, k);
            DoubleVector ah = DoubleVector.fromArray(S4, a, k + 4);
            l0 = al.fma(DoubleVector.fromArray(S4, b0, k), l0);
            h0 = ah.fma(DoubleVector.fromArray(S4, b0, k + 4), h0);
            l1 = al.fma(DoubleVector.fromArray(S4, b1, k), l1);
            h1 = ah.fma(DoubleVector.fromArray(S4, b1, k + 4), h1);
            l2 = al.fma(DoubleVector.fromArray(S4, b2, k), l2);
            h2 = ah.fma(DoubleVector.fromArray(S4, b2, k + 4), h2);
            l3 = al.fma(DoubleVector.fromArray(S4, b3, k), l3);
            h3 = ah.fma(DoubleVector.fromArray(S4, b3, k + 4), h3);
        }
        if (k + 3 < n) {
            DoubleVector al = DoubleVector.fromArray(S4, a, k);
            l0 = al.fma(DoubleVector.fromArray(S4, b0, k), l0);
            l1 = al.fma(DoubleVector.fromArray(S4, b1, k), l1);
            l2 = al.fma(DoubleVector.fromArray(S4, b2, k), l2);
            l3 = al.fma(DoubleVector.fromArray(S4, b3, k), l3);
            k += 4;
        }
        out[0] = finish(a, 0, b0, 0, k, n, l0, h0);
        out[1] = finish(a, 0, b1, 0, k, n, l1, h1);
        out[2] = finish(a, 0, b2, 0, k, n, l2, h2);
        out[3] = finish(a, 0, b3, 0, k, n, l3, h3);
    }

    static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        DoubleVector c = DoubleVector.broadcast(P, alpha);
        int v = P.length();
        int k = 0;
        for (; k + v <= n; k += v) {
            c.fma(DoubleVector.fromArray(P, x, xOff + k), DoubleVector.fromArray(P, y, yOff + k))
                    .intoArray(y, yOff + k);
        }
        for (; k < n; k++) {
            y[yOff + k] = Math.fma(alpha, x[xOff + k], y[yOff + k]);
        }
    }

    static void axpy2(double c0, double[] x0, double c1, double[] x1, double[] y, int n) {
        DoubleVector v0 = DoubleVector.broadcast(P, c0);
        DoubleVector v1 = DoubleVector.broadcast(P, c1);
        int v = P.length();
        int k = 0;
        for (; k + v <= n; k += v) {
            DoubleVector t = v0.fma(DoubleVector.fromArray(P, x0, k), DoubleVector.fromArray(P, y, k));
            v1.fma(DoubleVector.fromArray(P, x1, k), t).intoArray(y, k);
        }
        for (; k < n; k++) {
            y[k] = Math.fma(c1, x1[k], Math.fma(c0, x0[k], y[k]));
        }
    }

    static void axpy4(double c0, double[] x0, double c1, double[] x1, double c2, double[] x2, double c3,
            double[] x3, double[] y, int n) {
        DoubleVector v0 = DoubleVector.broadcast(P, c0);
        DoubleVector v1 = DoubleVector.broadcast(P, c1);
        DoubleVector v2 = DoubleVector.broadcast(P, c2);
        DoubleVector v3 = DoubleVector.broadcast(P, c3);
        int v = P.length();
        int k = 0;
        for (; k + v <= n; k += v) {
            DoubleVector t = v0.fma(DoubleVector.fromArray(P, x0, k), DoubleVector.fromArray(P, y, k));
            t = v1.fma(DoubleVector.fromArray(P, x1, k), t);
            t = v2.fma(DoubleVector.fromArray(P, x2, k), t);
            v3.fma(DoubleVector.fromArray(P, x3, k), t).intoArray(y, k);
        }
        for (; k < n; k++) {
            y[k] = Math.fma(c3, x3[k], Math.fma(c2, x2[k], Math.fma(c1, x1[k], Math.fma(c0, x0[k], y[k]))));
        }
    }
}
