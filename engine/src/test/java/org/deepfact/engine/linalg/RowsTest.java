package org.deepfact.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fused row kernels give exactly the bits of the plain ones they replace. */
class RowsTest {

    /** Also KernelBitsTest's inputs. */
    static double[] random(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.nextGaussian() * Math.exp(4 * r.nextGaussian()); // wide magnitudes: rounding shows
        }
        return x;
    }

    @Test
    void dot2AndDot4AreSeparateDots() {
        SplittableRandom r = new SplittableRandom(1);
        double[] out = new double[2];
        for (int n = 0; n <= 41; n++) {
            double[] a = random(r, n);
            double[] b0 = random(r, n);
            double[] b1 = random(r, n);
            Rows.dot2(a, b0, b1, n, out);
            assertEquals(Rows.dot(a, b0, n), out[0], 0.0, "n = " + n);
            assertEquals(Rows.dot(a, b1, n), out[1], 0.0, "n = " + n);
            double[] b2 = random(r, n);
            double[] b3 = random(r, n);
            double[] out4 = new double[4];
            Rows.dot4(a, b0, b1, b2, b3, n, out4);
            double[][] bs = {b0, b1, b2, b3};
            for (int u = 0; u < 4; u++) {
                assertEquals(Rows.dot(a, bs[u], n), out4[u], 0.0, "dot4 " + u + ", n = " + n);
            }
        }
    }

    @Test
    void fusedAxpysAreSequentialAxpys() {
        SplittableRandom r = new SplittableRandom(2);
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 31, 100, 129}) {
            double[][] x = {random(r, n), random(r, n), random(r, n), random(r, n)};
            double[] c = {r.nextGaussian(), -r.nextGaussian(), 1e-300, -0.0};
            double[] y0 = random(r, n);
            double[] expected = y0.clone();
            for (int u = 0; u < 4; u++) {
                Rows.axpy(c[u], x[u], expected, n);
            }
            double[] actual = y0.clone();
            Rows.axpy4(c[0], x[0], c[1], x[1], c[2], x[2], c[3], x[3], actual, n);
            assertArrayEquals(expected, actual, 0.0, "axpy4, n = " + n);
            double[] expected2 = y0.clone();
            Rows.axpy(c[0], x[0], expected2, n);
            Rows.axpy(c[1], x[1], expected2, n);
            double[] actual2 = y0.clone();
            Rows.axpy2(c[0], x[0], c[1], x[1], actual2, n);
            assertArrayEquals(expected2, actual2, 0.0, "axpy2, n = " + n);
        }
    }
}
