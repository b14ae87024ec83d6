package org.deepfact.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.deepfact.engine.linalg.DeterminantSign;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The sign of det W(0) on request, checked against EJML's determinant; and the sign-only determinant. */
class InitConditionTest {

    @Test
    void determinantSignAgreesWithEjmlAndSurvivesUnderflow() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + trial % 6;
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            for (int e = 0; e < a.data.length; e++) {
                a.data[e] = rng.nextGaussian();
            }
            assertEquals((int) Math.signum(CommonOps_DDRM.det(a)), DeterminantSign.of(a), a.toString());
        }
        // det of 1e-5 * (a 100 x 100 Gaussian matrix) is ~1e-420: EJML's underflows, the sign does not
        DMatrixRMaj big = new DMatrixRMaj(100, 100);
        for (int e = 0; e < big.data.length; e++) {
            big.data[e] = rng.nextGaussian();
        }
        int sign = DeterminantSign.of(big);
        CommonOps_DDRM.scale(1e-5, big);
        assertTrue(Math.abs(CommonOps_DDRM.det(big)) < 1e-300);
        assertEquals(sign, DeterminantSign.of(big));
        assertEquals(0, DeterminantSign.of(new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}})));
        assertThrows(IllegalArgumentException.class, () -> DeterminantSign.of(new DMatrixRMaj(2, 3)));
    }

    @Test
    void eachConditionGivesItsSignAndFlipsOnlyTheFirstRowOfTheLastFactor() {
        int positives = 0;
        for (InitKind kind : new InitKind[] {InitKind.GAUSSIAN, InitKind.UNIFORM, InitKind.ORTHOGONAL}) {
            for (int depth = 1; depth <= 4; depth++) {
                for (long seed = 0; seed < 10; seed++) {
                    int[] dims = Widths.resolve(3, 3, depth, null);
                    DMatrixRMaj[] free = Initializer.initialize(dims, kind, 1e-2, seed);
                    double det = CommonOps_DDRM.det(Initializer.product(free));
                    positives += det > 0 ? 1 : 0;
                    for (InitCondition c : new InitCondition[] {InitCondition.POSITIVE_DETERMINANT,
                        InitCondition.NEGATIVE_DETERMINANT}) {
                        DMatrixRMaj[] f = Initializer.initialize(dims, kind, 1e-2, seed, c);
                        double d = CommonOps_DDRM.det(Initializer.product(f));
                        assertTrue(c == InitCondition.POSITIVE_DETERMINANT ? d > 0 : d < 0, kind + " " + depth);
                        assertEquals(Math.abs(det), Math.abs(d), 1e-12 * Math.abs(det));
                        boolean flipped = (det > 0) != (c == InitCondition.POSITIVE_DETERMINANT);
                        for (int j = 0; j < depth; j++) {
                            for (int e = 0; e < f[j].data.length; e++) {
                                boolean negated = flipped && j == depth - 1 && e < 3;
                                assertEquals(negated ? -free[j].data[e] : free[j].data[e], f[j].data[e]);
                            }
                        }
                    }
                }
            }
        }
        // the conditions matter: free draws have either sign
        assertTrue(positives > 20 && positives < 100, "positive draws: " + positives);
    }

    @Test
    void aFlippedBalancedInitStaysBalanced() {
        for (long seed = 0; seed < 6; seed++) {
            DMatrixRMaj[] f = Initializer.initialize(Widths.resolve(4, 4, 3, null), InitKind.ORTHOGONAL, 1e-2, seed,
                    InitCondition.NEGATIVE_DETERMINANT);
            for (int j = 0; j + 1 < f.length; j++) {
                DMatrixRMaj left = new DMatrixRMaj(4, 4);
                DMatrixRMaj right = new DMatrixRMaj(4, 4);
                CommonOps_DDRM.multTransA(f[j + 1], f[j + 1], left);
                CommonOps_DDRM.multTransB(f[j], f[j], right);
                assertArrayEquals(right.data, left.data, 1e-15);
            }
        }
    }

    @Test
    void impossibleConditionsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.initialize(
                Widths.resolve(3, 4, 2, null), InitKind.GAUSSIAN, 1e-3, 1, InitCondition.POSITIVE_DETERMINANT));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializer.initialize(
                Widths.resolve(3, 3, 2, new int[] {2}), InitKind.GAUSSIAN, 1e-3, 1, InitCondition.POSITIVE_DETERMINANT));
        assertTrue(e.getMessage().contains("hidden widths >= 3"), e.getMessage());
        assertEquals(InitCondition.POSITIVE_DETERMINANT, InitCondition.parse(" Positive_Determinant "));
        assertThrows(IllegalArgumentException.class, () -> InitCondition.parse("positive"));
    }
}
