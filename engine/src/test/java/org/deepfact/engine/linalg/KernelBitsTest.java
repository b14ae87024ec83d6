package org.deepfact.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Vector and plain-Java kernels against the arithmetic they promise, written out naively here:
 * bit for bit, on shapes that hit every tail, the k-panel and column-panel splits, 1 and 2 threads.
 * The build runs this class with and without {@code --add-modules jdk.incubator.vector}; the
 * property {@code deepfact.test.kernel} says which one the run must have picked.
 */
class KernelBitsTest {

    private static double[] random(SplittableRandom r, int n) {
        return RowsTest.random(r, n); // wide magnitudes: rounding shows
    }

    private static DMatrixRMaj matrix(SplittableRandom r, int rows, int cols) {
        return DMatrixRMaj.wrap(rows, cols, random(r, rows * cols));
    }

    /** c_ij = ordered fma chain over k from +0.0, the contract of every DenseKernel. */
    private static DMatrixRMaj reference(DMatrixRMaj a, DMatrixRMaj b, boolean transA, boolean transB) {
        int rows = transA ? a.numCols : a.numRows;
        int inner = transA ? a.numRows : a.numCols;
        int cols = transB ? b.numRows : b.numCols;
        DMatrixRMaj c = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0.0;
                for (int k = 0; k < inner; k++) {
                    double x = transA ? a.get(k, i) : a.get(i, k);
                    double y = transB ? b.get(j, k) : b.get(k, j);
                    s = Math.fma(x, y, s);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    /** Dot product as PlainRows defines it: element k into partial sum k mod 8, fixed combination. */
    private static double referenceDot(double[] a, int aOff, double[] b, int bOff, int n) {
        double[] s = new double[8];
        for (int k = 0; k < n; k++) {
            s[k % 8] = Math.fma(a[aOff + k], b[bOff + k], s[k % 8]);
        }
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }

    /** rows x inner x cols: every row tail mod 6, column tail mod 8 (and 16), k panels, column panels. */
    private static List<int[]> shapes() {
        List<int[]> s = new ArrayList<>();
        for (int m = 1; m <= 13; m++) {
            for (int n = 1; n <= 17; n++) {
                s.add(new int[] {m, 1 + (m * n) % 9, n});
            }
        }
        int[][] large = {{1, 1, 300}, {300, 1, 1}, {1, 300, 1}, {7, 523, 19}, {100, 100, 100}, {131, 97, 103},
            {257, 300, 131}, {64, 600, 70}, {5, 40, 1100}, {19, 270, 1030}, {400, 33, 9}, {12, 5, 500}};
        for (int[] l : large) {
            s.add(l);
        }
        return s;
    }

    private static void check(DenseKernel k, SplittableRandom r) {
        for (int[] sh : shapes()) {
            int m = sh[0];
            int inner = sh[1];
            int n = sh[2];
            String what = k.name() + ", " + k.threads() + " thread(s), " + m + " x " + inner + " x " + n;
            DMatrixRMaj a = matrix(r, m, inner);
            DMatrixRMaj b = matrix(r, inner, n);
            DMatrixRMaj c = new DMatrixRMaj(m, n);
            c.fill(Double.NaN); // every entry must be written
            k.mult(a, b, c);
            assertArrayEquals(reference(a, b, false, false).data, c.data, 0.0, "mult, " + what);
            DMatrixRMaj at = matrix(r, inner, m);
            c.fill(Double.NaN);
            k.multTransA(at, b, c);
            assertArrayEquals(reference(at, b, true, false).data, c.data, 0.0, "multTransA, " + what);
            DMatrixRMaj bt = matrix(r, n, inner);
            c.fill(Double.NaN);
            k.multTransB(a, bt, c);
            assertArrayEquals(reference(a, bt, false, true).data, c.data, 0.0, "multTransB, " + what);
        }
    }

    @Test
    void theRunPicksTheKernelItIsMeantTo() {
        String expected = System.getProperty("deepfact.test.kernel", "");
        assumeTrue(!expected.isEmpty(), "no expectation set (run outside the build)");
        assertEquals(expected.equals("vector"), Kernels.vectorized(), Kernels.describe());
        try (DenseKernel k = Kernels.dense(1, null)) {
            assertEquals(expected.equals("vector") ? VectorKernel.class : RowBlockKernel.class, k.getClass());
        }
    }

    @Test
    void plainKernelIsTheFmaChain() {
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 1; t <= 2; t++) {
            try (DenseKernel k = new RowBlockKernel(t)) {
                check(k, r);
            }
        }
    }

    @Test
    void vectorKernelIsTheFmaChain() {
        assumeTrue(Kernels.vectorized(), "needs --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 1; t <= 2; t++) {
            try (DenseKernel k = VectorProbe.kernel(t, null)) {
                check(k, r);
            }
        }
    }

    @Test
    void vectorKernelCancelsBetweenBlocksAndStaysUsable() {
        assumeTrue(Kernels.vectorized(), "needs --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(3);
        int n = 300; // above the polling threshold; four blocks of 96 rows (the last one short)
        DMatrixRMaj a = matrix(r, n, n);
        DMatrixRMaj b = matrix(r, n, n);
        int[] polls = {0};
        boolean[] cancel = {true};
        org.deepfact.engine.ProgressCallback cb = new org.deepfact.engine.ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                polls[0]++;
                return cancel[0] && polls[0] >= 2;
            }
        };
        for (int t = 1; t <= 2; t++) {
            polls[0] = 0;
            cancel[0] = true;
            try (DenseKernel k = VectorProbe.kernel(t, cb)) {
                DMatrixRMaj c = new DMatrixRMaj(n, n);
                org.junit.jupiter.api.Assertions.assertThrows(org.deepfact.engine.OperationCanceledException.class,
                        () -> k.mult(a, b, c));
                cancel[0] = false;
                k.mult(a, b, c);
                assertArrayEquals(reference(a, b, false, false).data, c.data, 0.0, t + " thread(s) after a cancel");
            }
        }
    }

    @Test
    void plainRowsFollowTheirDefinition() {
        rows(false);
    }

    @Test
    void vectorRowsFollowTheSameDefinition() {
        assumeTrue(Kernels.vectorized(), "needs --add-modules jdk.incubator.vector");
        rows(true);
    }

    private static void rows(boolean vector) {
        SplittableRandom r = new SplittableRandom(2);
        double[] out = new double[4];
        for (int n = 0; n <= 70; n++) {
            int off = n % 3;
            double[] a = random(r, n + off);
            double[] b = random(r, n + 2 * off);
            double dot = vector ? VectorRows.dot(a, off, b, 2 * off, n) : PlainRows.dot(a, off, b, 2 * off, n);
            assertEquals(referenceDot(a, off, b, 2 * off, n), dot, 0.0, "dot with offsets, n = " + n);
            double[][] bs = {random(r, n), random(r, n), random(r, n), random(r, n)};
            double[] x = random(r, n);
            if (vector) {
                VectorRows.dot4(x, bs[0], bs[1], bs[2], bs[3], n, out);
            } else {
                PlainRows.dot4(x, bs[0], bs[1], bs[2], bs[3], n, out);
            }
            for (int u = 0; u < 4; u++) {
                assertEquals(referenceDot(x, 0, bs[u], 0, n), out[u], 0.0, "dot4 " + u + ", n = " + n);
            }
            if (vector) {
                VectorRows.dot2(x, bs[2], bs[3], n, out);
            } else {
                PlainRows.dot2(x, bs[2], bs[3], n, out);
            }
            assertEquals(referenceDot(x, 0, bs[2], 0, n), out[0], 0.0, "dot2 0, n = " + n);
            assertEquals(referenceDot(x, 0, bs[3], 0, n), out[1], 0.0, "dot2 1, n = " + n);
            double[] c = {r.nextGaussian(), -r.nextGaussian(), 1e-300, -0.0};
            double[] y = random(r, n + off);
            double[] expected = y.clone();
            for (int k = 0; k < n; k++) {
                expected[off + k] = Math.fma(c[0], bs[0][k], expected[off + k]);
            }
            double[] actual = y.clone();
            if (vector) {
                VectorRows.axpy(c[0], bs[0], 0, actual, off, n);
            } else {
                PlainRows.axpy(c[0], bs[0], 0, actual, off, n);
            }
            assertArrayEquals(expected, actual, 0.0, "axpy with offset, n = " + n);
            double[] y4 = random(r, n);
            double[] e4 = y4.clone();
            double[] e2 = y4.clone();
            for (int k = 0; k < n; k++) {
                for (int u = 0; u < 4; u++) {
                    e4[k] = Math.fma(c[u], bs[u][k], e4[k]);
                }
                for (int u = 0; u < 2; u++) {
                    e2[k] = Math.fma(c[u], bs[u][k], e2[k]);
                }
            }
            double[] a4 = y4.clone();
            double[] a2 = y4.clone();
            if (vector) {
                VectorRows.axpy4(c[0], bs[0], c[1], bs[1], c[2], bs[2], c[3], bs[3], a4, n);
                VectorRows.axpy2(c[0], bs[0], c[1], bs[1], a2, n);
            } else {
                PlainRows.axpy4(c[0], bs[0], c[1], bs[1], c[2], bs[2], c[3], bs[3], a4, n);
                PlainRows.axpy2(c[0], bs[0], c[1], bs[1], a2, n);
            }
            assertArrayEquals(e4, a4, 0.0, "axpy4, n = " + n);
            assertArrayEquals(e2, a2, 0.0, "axpy2, n = " + n);
        }
    }
}
