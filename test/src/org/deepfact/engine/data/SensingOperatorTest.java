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
        double sum = op.residualAndAdjoint(w, y, 0.5, g, null);
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
        double s1 = stored.residualAndAdjoint(w, y, 0.1, g1, null);
        double s2 = regen.residualAndAdjoint(w, y, 0.1, g2, new double[108]);
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
}
