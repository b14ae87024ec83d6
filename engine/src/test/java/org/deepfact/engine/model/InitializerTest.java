package org.deepfact.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scale rules and balancedness of science.md section 2. */
class InitializerTest {

    private static DMatrixRMaj product(DMatrixRMaj[] f) {
        DMatrixRMaj w = f[0].copy();
        for (int j = 1; j < f.length; j++) {
            DMatrixRMaj next = new DMatrixRMaj(f[j].numRows, w.numCols);
            CommonOps_DDRM.mult(f[j], w, next);
            w = next;
        }
        return w;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void gaussianEndToEndNormIsNearScaleTimesSqrtN(int depth) {
        for (double s : new double[] {1e-3, 1e-6}) {
            DMatrixRMaj[] f = Initializer.initialize(Widths.resolve(100, 100, depth, null), InitKind.GAUSSIAN, s, 42);
            double norm = NormOps_DDRM.normF(product(f));
            assertEquals(s * 10, norm, 0.2 * s * 10, "depth " + depth + ", s = " + s);
        }
    }

    @Test
    void gaussianAndUniformEntriesHaveTheStatedSpread() {
        int[] dims = Widths.resolve(100, 100, 2, null);
        double std = Math.sqrt(1e-3) / 10;
        DMatrixRMaj g = Initializer.initialize(dims, InitKind.GAUSSIAN, 1e-3, 1)[0];
        assertEquals(std, NormOps_DDRM.normF(g) / 100, 0.03 * std);
        DMatrixRMaj u = Initializer.initialize(dims, InitKind.UNIFORM, 1e-3, 1)[1];
        assertEquals(std, NormOps_DDRM.normF(u) / 100, 0.03 * std);
        assertTrue(CommonOps_DDRM.elementMaxAbs(u) <= Math.sqrt(3) * std);
    }

    @Test
    void identityIsScaledIdentity() {
        DMatrixRMaj[] f = Initializer.initialize(Widths.resolve(5, 5, 3, null), InitKind.IDENTITY, 1e-3, 0);
        for (DMatrixRMaj w : f) {
            DMatrixRMaj expected = CommonOps_DDRM.identity(5);
            CommonOps_DDRM.scale(Math.pow(1e-3, 1.0 / 3), expected);
            assertArrayEquals(expected.data, w.data, 0.0);
        }
    }

    @Test
    void orthogonalFactorsAreScaledOrthogonalMatrices() {
        int n = 20;
        double c = Math.pow(1e-3 * Math.sqrt(n), 1.0 / 3);
        for (DMatrixRMaj w : Initializer.initialize(Widths.resolve(n, n, 3, null), InitKind.ORTHOGONAL, 1e-3, 9)) {
            DMatrixRMaj wtw = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(w, w, wtw);
            DMatrixRMaj expected = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(c * c, expected);
            assertArrayEquals(expected.data, wtw.data, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"IDENTITY", "ORTHOGONAL"})
    void balancedKindsAreBalancedSquareAndRectangular(String kind) {
        int[][] shapes = {{6, 6, 3}, {7, 4, 3}, {4, 7, 4}};
        int[][] widths = {null, {5, 9}, {3, 8, 6}};
        for (int c = 0; c < shapes.length; c++) {
            int[] dims = Widths.resolve(shapes[c][0], shapes[c][1], shapes[c][2], widths[c]);
            DMatrixRMaj[] f = Initializer.initialize(dims, InitKind.valueOf(kind), 0.1, 3);
            for (int j = 0; j + 1 < f.length; j++) {
                DMatrixRMaj left = new DMatrixRMaj(dims[j + 1], dims[j + 1]);
                CommonOps_DDRM.multTransA(f[j + 1], f[j + 1], left);
                DMatrixRMaj right = new DMatrixRMaj(dims[j + 1], dims[j + 1]);
                CommonOps_DDRM.multTransB(f[j], f[j], right);
                assertArrayEquals(right.data, left.data, 1e-14, kind + " W_" + (j + 2) + "^T W_" + (j + 2)
                        + " = W_" + (j + 1) + " W_" + (j + 1) + "^T, case " + c);
                assertTrue(NormOps_DDRM.normF(left) > 0);
            }
        }
    }

    @Test
    void sameSeedSameFactors() {
        int[] dims = Widths.resolve(8, 6, 3, null);
        DMatrixRMaj[] a = Initializer.initialize(dims, InitKind.GAUSSIAN, 1e-2, 5);
        DMatrixRMaj[] b = Initializer.initialize(dims, InitKind.GAUSSIAN, 1e-2, 5);
        DMatrixRMaj[] c = Initializer.initialize(dims, InitKind.GAUSSIAN, 1e-2, 6);
        assertArrayEquals(a[2].data, b[2].data, 0.0);
        assertTrue(a[2].data[0] != c[2].data[0]);
    }

    @Test
    void rejectsBadScaleDepthAndWidths() {
        int[] dims = Widths.resolve(4, 4, 2, null);
        assertThrows(IllegalArgumentException.class, () -> Initializer.initialize(dims, InitKind.GAUSSIAN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Initializer.initialize(dims, InitKind.GAUSSIAN, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Widths.resolve(4, 4, 0, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Widths.resolve(4, 4, 3, new int[] {2}));
        assertTrue(e.getMessage().contains("needs 2 hidden widths"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InitKind.parse("xavier"));
    }
}
