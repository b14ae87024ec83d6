package org.deepfact.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The kernel against EJML's own products, and bit-identity across thread counts. */
class RowBlockKernelTest {

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual) {
        double scale = Math.max(1, CommonOps_DDRM.elementMaxAbs(expected));
        for (int e = 0; e < expected.getNumElements(); e++) {
            assertTrue(Math.abs(expected.data[e] - actual.data[e]) <= 1e-12 * scale * expected.numCols,
                    "entry " + e + ": " + expected.data[e] + " vs " + actual.data[e]);
        }
    }

    @Test
    void matchesEjmlForAssortedShapes() {
        Random r = new Random(1);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 9, 11}, {17, 4, 33}, {40, 37, 41}, {64, 300, 20}};
        try (RowBlockKernel k = new RowBlockKernel(1)) {
            for (int[] s : shapes) {
                DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], r);
                DMatrixRMaj b = RandomMatrices_DDRM.rectangle(s[1], s[2], r);
                DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
                DMatrixRMaj actual = new DMatrixRMaj(s[0], s[2]);
                actual.fill(99); // outputs are overwritten, not accumulated
                CommonOps_DDRM.mult(a, b, expected);
                k.mult(a, b, actual);
                assertClose(expected, actual);
                DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
                actual.fill(-3);
                k.multTransA(at, b, actual);
                assertClose(expected, actual);
            }
        }
    }

    @Test
    void panelBlockingIsExercised() {
        // 2048 columns give a 16-row panel, so the 40-long inner dimension spans three panels.
        Random r = new Random(2);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(5, 40, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(40, 2048, r);
        DMatrixRMaj expected = new DMatrixRMaj(5, 2048);
        DMatrixRMaj actual = new DMatrixRMaj(5, 2048);
        CommonOps_DDRM.mult(a, b, expected);
        try (RowBlockKernel k = new RowBlockKernel(1)) {
            k.mult(a, b, actual);
        }
        assertClose(expected, actual);
    }

    @Test
    void sameBitsForOneTwoAndThreeThreads() {
        Random r = new Random(3);
        int n = 131; // above the parallel threshold, odd so chunks differ in size
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, r);
        assertTrue((long) n * n * n >= RowBlockKernel.PARALLEL_THRESHOLD);
        DMatrixRMaj[] out = new DMatrixRMaj[4];
        DMatrixRMaj[] outT = new DMatrixRMaj[4];
        for (int t = 1; t <= 3; t++) {
            try (RowBlockKernel k = new RowBlockKernel(t)) {
                out[t] = new DMatrixRMaj(n, n);
                outT[t] = new DMatrixRMaj(n, n);
                k.mult(a, b, out[t]);
                k.multTransA(a, b, outT[t]);
            }
        }
        for (int t = 2; t <= 3; t++) {
            assertArrayEquals(out[1].data, out[t].data, 0.0, "mult, " + t + " threads");
            assertArrayEquals(outT[1].data, outT[t].data, 0.0, "multTransA, " + t + " threads");
        }
    }

    @Test
    void rejectsBadShapesAndThreadCounts() {
        try (RowBlockKernel k = new RowBlockKernel(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> k.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2)));
            assertTrue(e.getMessage().contains("2 x 3 by 4 x 2"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new RowBlockKernel(0));
    }
}
