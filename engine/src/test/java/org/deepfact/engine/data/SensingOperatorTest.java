package org.deepfact.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Sensing operator: distribution, explicit inner products, stored = regenerated bit for bit. */
class SensingOperatorTest {

    @Test
    void heldDoublesAgreesWithWhatAnAutoOperatorKeeps() {
        // Small: every A_i stored.
        assertTrue(SensingOperator.gaussian(4, 5, 6, 1).isStored());
        assertEquals(4L * 5 * 6, SensingOperator.heldDoubles(4, 5, 6));
        // Just past the store limit: regenerated, only one block of A_i held at a time.
        int m = (int) (SensingOperator.STORE_LIMIT / (100 * 100)) + 1;
        assertFalse(SensingOperator.gaussian(100, 100, m, 1).isStored());
        assertEquals(SensingOperator.BLOCK * 100L * 100, SensingOperator.heldDoubles(100, 100, m));
    }

    @Test
    void entriesHaveVarianceOneOverRowsTimesCols() {
        SensingOperator op = SensingOperator.gaussian(20, 25, 40, 1);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < op.size(); i++) {
            for (double a : op.matrix(i).data) {
                sum += a;
                sumSq += a * a;
            }
        }
        int count = 40 * 500;
        assertEquals(0, sum / count, 5 / Math.sqrt(count) / Math.sqrt(500));
        assertEquals(1.0 / 500, sumSq / count, 0.03 / 500);
    }

    @Test
    void measurementsAreExplicitInnerProducts() {
        SensingOperator op = SensingOperator.gaussian(6, 4, 9, 2);
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(6, 4, 2, 3));
        double[] y = op.measure(w);
        for (int i = 0; i < 9; i++) {
            DMatrixRMaj a = op.matrix(i);
            double s = 0;
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 4; c++) {
                    s += a.get(r, c) * w.get(r, c);
                }
            }
            assertEquals(s, y[i], 1e-13);
        }
    }

    @Test
    void adjointIsTheWeightedSumOfTheA() {
        SensingOperator op = SensingOperator.gaussian(5, 5, 7, 4);
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(5, 5, 1, 5));
        double[] y = new double[7];
        DMatrixRMaj g = new DMatrixRMaj(5, 5);
        double sum = op.residualAndAdjoint(w, y, 0.5, g, op.newWorkspace());
        double[] r = op.measure(w);
        DMatrixRMaj expected = new DMatrixRMaj(5, 5);
        double expectedSum = 0;
        for (int i = 0; i < 7; i++) {
            expectedSum += r[i] * r[i];
            org.ejml.dense.row.CommonOps_DDRM.addEquals(expected, 0.5 * r[i], op.matrix(i));
        }
        assertEquals(expectedSum, sum, 1e-12);
        assertArrayEquals(expected.data, g.data, 1e-14);
    }

    @Test
    void storedAndRegeneratedGiveIdenticalNumbers() {
        SensingOperator stored = SensingOperator.gaussian(12, 9, 30, 6, SensingOperator.Storage.STORED);
        SensingOperator regen = SensingOperator.gaussian(12, 9, 30, 6, SensingOperator.Storage.REGENERATED);
        assertTrue(stored.isStored());
        assertFalse(regen.isStored());
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(12, 9, 3, 7));
        assertArrayEquals(stored.measure(w), regen.measure(w), 0.0);
        double[] y = stored.measure(GroundTruth.generate(GroundTruthSpec.of(12, 9, 2, 8)));
        DMatrixRMaj g1 = new DMatrixRMaj(12, 9);
        DMatrixRMaj g2 = new DMatrixRMaj(12, 9);
        double s1 = stored.residualAndAdjoint(w, y, 0.1, g1, stored.newWorkspace());
        double s2 = regen.residualAndAdjoint(w, y, 0.1, g2, regen.newWorkspace());
        assertEquals(s1, s2, 0.0);
        assertArrayEquals(g1.data, g2.data, 0.0);
        assertTrue(SensingOperator.gaussian(12, 9, 30, 6).isStored(), "AUTO stores small operators");
    }

    @Test
    void badArgumentsGiveSpecificErrors() {
        assertThrows(IllegalArgumentException.class, () -> SensingOperator.gaussian(0, 3, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensingOperator.gaussian(3, 3, 0, 1));
        assertTrue(e.getMessage().contains("measurements must be >= 1"), e.getMessage());
        SensingOperator op = SensingOperator.gaussian(3, 3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> op.measure(new DMatrixRMaj(3, 4)));
    }

    /** Independent reference: one measurement at a time, the documented order (k mod 8 sums of fma), plain loops. */
    private static double plainDot(double[] a, double[] w) {
        double[] part = new double[8];
        for (int k = 0; k < a.length; k++) {
            part[k % 8] = Math.fma(a[k], w[k], part[k % 8]);
        }
        return ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
    }

    @Test
    void blockedPassesEqualOneMeasurementAtATimeBitForBit() {
        // m = 1..9 and 13 cover every remainder of the blocks of four; 5 x 7 = 35 entries the dot's remainder
        for (int m : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 13}) {
            for (SensingOperator.Storage storage : new SensingOperator.Storage[] {SensingOperator.Storage.STORED,
                    SensingOperator.Storage.REGENERATED}) {
                SensingOperator op = SensingOperator.gaussian(5, 7, m, 30 + m, storage);
                SensingOperator.Workspace ws = op.newWorkspace();
                DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(5, 7, 2, m));
                double[] y = new double[m];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(m);
                for (int i = 0; i < m; i++) {
                    y[i] = rnd.nextGaussian();
                }
                double coeff = 0.37;
                double[] dots = new double[m];
                double expectedSum = 0;
                double[] expectedGrad = new double[35];
                double[] expectedAdjoint = new double[35];
                for (int i = 0; i < m; i++) {
                    double[] a = op.matrix(i).data;
                    dots[i] = plainDot(a, w.data);
                    double r = dots[i] - y[i];
                    expectedSum += r * r;
                    for (int k = 0; k < 35; k++) {
                        expectedGrad[k] = Math.fma(coeff * r, a[k], expectedGrad[k]);
                        expectedAdjoint[k] = Math.fma(y[i], a[k], expectedAdjoint[k]);
                    }
                }
                String what = "m = " + m + ", " + storage;
                double[] measured = new double[m];
                op.measure(w, measured, ws);
                assertArrayEquals(dots, measured, 0.0, what);
                DMatrixRMaj g = new DMatrixRMaj(5, 7);
                g.fill(Double.NaN); // must be overwritten
                assertEquals(expectedSum, op.residualAndAdjoint(w, y, coeff, g, ws), 0.0, what);
                assertArrayEquals(expectedGrad, g.data, 0.0, what);
                assertEquals(expectedSum, op.residualSquares(w, y, ws), 0.0, what);
                g.fill(Double.NaN);
                op.adjoint(y, g, ws);
                assertArrayEquals(expectedAdjoint, g.data, 0.0, what);

                // fused measure-then-adjoint: f sees <A_i, w> and the old c[i]
                double[] c = y.clone();
                double[] ax = new double[m];
                g.fill(Double.NaN);
                op.measureAndAdjoint(w, ax, (i, v) -> c[i] - 2 * v, c, g, ws);
                assertArrayEquals(dots, ax, 0.0, what);
                double[] expectedC = new double[m];
                for (int i = 0; i < m; i++) {
                    expectedC[i] = y[i] - 2 * dots[i];
                }
                assertArrayEquals(expectedC, c, 0.0, what);
                DMatrixRMaj viaAdjoint = new DMatrixRMaj(5, 7);
                op.adjoint(expectedC, viaAdjoint, ws);
                assertArrayEquals(viaAdjoint.data, g.data, 0.0, what);
            }
        }
    }

    @Test
    void passesNeedAWorkspaceOfTheirOperator() {
        SensingOperator regen = SensingOperator.gaussian(3, 3, 5, 1, SensingOperator.Storage.REGENERATED);
        DMatrixRMaj w = new DMatrixRMaj(3, 3);
        assertThrows(NullPointerException.class, () -> regen.measure(w, new double[5], null));
        SensingOperator.Workspace fromStored = SensingOperator.gaussian(3, 3, 5, 1).newWorkspace();
        SensingOperator.Workspace otherShape = SensingOperator.gaussian(3, 4, 5, 1,
                SensingOperator.Storage.REGENERATED).newWorkspace();
        assertThrows(IllegalArgumentException.class, () -> regen.measure(w, new double[5], fromStored));
        assertThrows(IllegalArgumentException.class, () -> regen.measure(w, new double[5], otherShape));
        assertThrows(IllegalArgumentException.class,
                () -> regen.residualAndAdjoint(w, new double[4], 1, new DMatrixRMaj(3, 3), regen.newWorkspace()));
    }
}
