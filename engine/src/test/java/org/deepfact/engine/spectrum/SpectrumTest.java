package org.deepfact.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class SpectrumTest {

    private static DMatrixRMaj diag(int rows, int cols, double... d) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < d.length; i++) {
            m.set(i, i, d[i]);
        }
        return m;
    }

    @Test
    void diagonalGivesSortedAbsoluteValues() {
        // Ascending diagonal with a negative entry: EJML's raw order is not descending.
        Spectrum s = Spectrum.of(diag(4, 4, 0.5, -1, 2, 3));
        assertArrayEquals(new double[] {3, 2, 1, 0.5}, s.singularValues(), 1e-14);
        assertEquals(6.5, s.nuclearNorm(), 1e-14);
        assertEquals(3, s.spectralNorm(), 1e-14);
        assertEquals(Math.sqrt(9 + 4 + 1 + 0.25), s.frobeniusNorm(), 1e-14);
        assertEquals(6, s.conditionNumber(), 1e-13);
        assertEquals((9 + 4 + 1 + 0.25) / 9, s.stableRank(), 1e-14);
        assertArrayEquals(new double[] {9 / 14.25, 13 / 14.25, 14 / 14.25, 1}, s.cumulativeEnergy(), 1e-14);
    }

    @Test
    void schattenNormsMatchClosedForms() {
        Spectrum s = Spectrum.ofSingularValues(3, 3, new double[] {1, 4, 9});
        assertEquals(14, s.schattenNorm(1), 1e-13);
        assertEquals(Math.sqrt(98), s.schattenNorm(2), 1e-13);
        // p = 1/2: (1 + 2 + 3)^2 = 36, a quasi-norm larger than the nuclear norm
        assertEquals(36, s.schattenNorm(0.5), 1e-12);
        assertEquals(9, s.schattenNorm(Double.POSITIVE_INFINITY), 0);
        assertEquals(9, s.schattenNorm(400), 1e-9 * 9 * 400);
        assertTrue(s.schattenNorm(400) >= 9);
        assertThrows(IllegalArgumentException.class, () -> s.schattenNorm(0));
        assertThrows(IllegalArgumentException.class, () -> s.schattenNorm(-1));
        assertThrows(IllegalArgumentException.class, () -> s.schattenNorm(Double.NaN));
    }

    @Test
    void effectiveRankMatchesEntropyFormula() {
        assertEquals(2, Spectrum.ofSingularValues(3, 3, new double[] {2, 2, 0}).effectiveRank(), 1e-14);
        double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(Math.exp(h), Spectrum.ofSingularValues(2, 2, new double[] {1, 3}).effectiveRank(), 1e-14);
        assertEquals(1, Spectrum.ofSingularValues(2, 5, new double[] {7, 0}).effectiveRank(), 0);
    }

    @Test
    void scaledOrthogonalMatrixHasFlatSpectrum() {
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(30, 30, new Random(3));
        CommonOps_DDRM.scale(2.5, q);
        Spectrum s = Spectrum.of(q);
        for (double v : s.singularValues()) {
            assertEquals(2.5, v, 1e-12);
        }
        assertEquals(30, s.effectiveRank(), 1e-9);
        assertEquals(30, s.stableRank(), 1e-9);
        assertEquals(1, s.conditionNumber(), 1e-12);
        assertEquals(30, s.numericalRank());
    }

    @Test
    void rankOneOuterProduct() {
        Random rnd = new Random(5);
        DMatrixRMaj u = RandomMatrices_DDRM.rectangle(8, 1, rnd);
        DMatrixRMaj v = RandomMatrices_DDRM.rectangle(6, 1, rnd);
        DMatrixRMaj m = new DMatrixRMaj(8, 6);
        CommonOps_DDRM.multTransB(u, v, m);
        Spectrum s = Spectrum.of(m);
        assertEquals(6, s.size());
        assertEquals(norm(u) * norm(v), s.spectralNorm(), 1e-12);
        assertEquals(1, s.numericalRank());
        assertEquals(1, s.numericalRank(1e-10));
        assertEquals(1, s.effectiveRank(), 1e-12);
        assertEquals(1, s.stableRank(), 1e-12);
        assertEquals(s.spectralNorm(), s.nuclearNorm(), 1e-12);
        assertTrue(s.conditionNumber() > 1e12);
    }

    @Test
    void wideAndTallAgreeWithCommonsMath() {
        Random rnd = new Random(11);
        for (int[] shape : new int[][] {{7, 12}, {12, 7}, {1, 5}, {5, 1}, {9, 9}}) {
            DMatrixRMaj m = RandomMatrices_DDRM.rectangle(shape[0], shape[1], -3, 3, rnd);
            double[] expected = new SingularValueDecomposition(new Array2DRowRealMatrix(toArray(m)))
                    .getSingularValues();
            Spectrum s = Spectrum.withVectors(m);
            assertEquals(Math.min(shape[0], shape[1]), s.size());
            assertArrayEquals(expected, s.singularValues(), 1e-12, "shape " + shape[0] + "x" + shape[1]);
            // U diag(s) V^T reproduces the matrix and the columns are orthonormal.
            DMatrixRMaj u = s.leftVectors();
            DMatrixRMaj v = s.rightVectors();
            assertEquals(shape[0], u.numRows);
            assertEquals(shape[1], v.numRows);
            DMatrixRMaj us = u.copy();
            for (int c = 0; c < s.size(); c++) {
                for (int r = 0; r < us.numRows; r++) {
                    us.set(r, c, us.get(r, c) * s.singularValue(c));
                }
            }
            DMatrixRMaj back = new DMatrixRMaj(shape[0], shape[1]);
            CommonOps_DDRM.multTransB(us, v, back);
            assertTrue(MatrixFeatures_DDRM.isIdentical(m, back, 1e-12));
            DMatrixRMaj utu = new DMatrixRMaj(s.size(), s.size());
            CommonOps_DDRM.multTransA(u, u, utu);
            assertTrue(MatrixFeatures_DDRM.isIdentity(utu, 1e-12));
            CommonOps_DDRM.multTransA(v, v, utu);
            assertTrue(MatrixFeatures_DDRM.isIdentity(utu, 1e-12));
        }
    }

    @Test
    void zeroMatrixConventions() {
        Spectrum s = Spectrum.withVectors(new DMatrixRMaj(3, 5));
        assertArrayEquals(new double[3], s.singularValues(), 0);
        assertEquals(0, s.nuclearNorm(), 0);
        assertEquals(0, s.frobeniusNorm(), 0);
        assertEquals(0, s.schattenNorm(0.5), 0);
        assertEquals(0, s.effectiveRank(), 0);
        assertEquals(0, s.stableRank(), 0);
        assertEquals(0, s.numericalRank());
        assertEquals(Double.POSITIVE_INFINITY, s.conditionNumber());
        assertArrayEquals(new double[3], s.cumulativeEnergy(), 0);
        DMatrixRMaj utu = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(s.leftVectors(), s.leftVectors(), utu);
        assertTrue(MatrixFeatures_DDRM.isIdentity(utu, 0));
    }

    @Test
    void tinyAndHugeValuesNeitherUnderflowNorOverflow() {
        Spectrum tiny = Spectrum.of(diag(2, 3, 3e-300, 4e-300));
        assertEquals(5e-300, tiny.frobeniusNorm(), 1e-314);
        assertEquals(2, tiny.numericalRank());
        assertEquals(25.0 / 16, tiny.stableRank(), 1e-14);
        Spectrum huge = Spectrum.of(diag(2, 2, 3e300, 4e300));
        assertEquals(5e300, huge.frobeniusNorm(), 1e286);
        assertEquals(7e300, huge.schattenNorm(1), 1e286);
        assertEquals(Math.pow(Math.sqrt(3) + 2, 2) * 1e300, huge.schattenNorm(0.5), 1e288);
        // A full random matrix scaled far down still matches the unscaled spectrum.
        DMatrixRMaj m = RandomMatrices_DDRM.rectangle(6, 4, new Random(2));
        double[] reference = Spectrum.of(m).singularValues();
        CommonOps_DDRM.scale(1e-290, m);
        double[] scaled = Spectrum.of(m).singularValues();
        for (int i = 0; i < 4; i++) {
            assertEquals(reference[i], scaled[i] * 1e290, 1e-12 * reference[0]);
        }
    }

    @Test
    void numericalRankUsesAbsoluteTolerance() {
        Spectrum s = Spectrum.ofSingularValues(4, 4, new double[] {1e-3, 1, 1e-8, 0});
        assertEquals(1, s.numericalRank(0.5));
        assertEquals(2, s.numericalRank(1e-6));
        assertEquals(3, s.numericalRank(0));
        assertThrows(IllegalArgumentException.class, () -> s.numericalRank(-1));
        assertArrayEquals(new double[] {1, 1e-3}, s.top(2), 0);
    }

    @Test
    void rejectsBadInput() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2);
        m.set(1, 0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spectrum.of(m));
        assertTrue(e.getMessage().contains("(1, 0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new DMatrixRMaj(0, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> Spectrum.ofSingularValues(2, 2, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.ofSingularValues(2, 3, new double[] {1}));
        assertFalse(Spectrum.of(diag(2, 2, 1, 1)).hasVectors());
        assertThrows(IllegalStateException.class, () -> Spectrum.of(diag(2, 2, 1, 1)).leftVectors());
    }

    private static double norm(DMatrixRMaj x) {
        return Math.sqrt(CommonOps_DDRM.elementSum(elementSquare(x)));
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
        CommonOps_DDRM.elementMult(x, x, y);
        return y;
    }

    private static double[][] toArray(DMatrixRMaj m) {
        double[][] a = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                a[r][c] = m.get(r, c);
            }
        }
        return a;
    }
}
