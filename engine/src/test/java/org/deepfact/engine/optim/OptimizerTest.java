package org.deepfact.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Optimiser steps against trajectories computed by hand. */
class OptimizerTest {

    private static DMatrixRMaj m(double... v) {
        return new DMatrixRMaj(1, v.length, true, v);
    }

    /**
     * Two 1x2 "factors" with fixed gradients g1 = (3, 4), g2 = (0, 12): sum of squared norms 169.
     * v1 = 0.01*169 = 1.69, vhat1 = 1.69/0.01 = 169, eta1 = lr/(13 + 1e-4).
     * v2 = 0.99*1.69 + 1.69 = 3.3631, vhat2 = 3.3631/(1-0.9801) = 169, eta2 = eta1.
     * With gradients scaled by 1/13 in step 3 (sum 1): v3 = 0.99*3.3631 + 0.01 = 3.339469,
     * vhat3 = 3.339469 / (1 - 0.970299) = 112.4363..., eta3 = lr/(sqrt(vhat3) + 1e-4).
     */
    @Test
    void groupRmsPropFollowsTheHandComputedThreeSteps() {
        double lr = 0.01;
        DMatrixRMaj w1 = m(1, 2);
        DMatrixRMaj w2 = m(-1, 0.5);
        DMatrixRMaj g1 = m(3, 4);
        DMatrixRMaj g2 = m(0, 12);
        Optimizer opt = Optimizer.create(OptimizerKind.GROUP_RMSPROP, lr, new int[] {2, 1, 1});
        DMatrixRMaj[] f = {w1, w2};
        DMatrixRMaj[] g = {g1, g2};
        double eta1 = lr / (13 + 1e-4);
        opt.step(f, g);
        assertEquals(eta1, opt.lastStepSize(), 1e-15);
        assertEquals(1 - 3 * eta1, w1.get(0, 0), 1e-15);
        assertEquals(0.5 - 12 * eta1, w2.get(0, 1), 1e-15);
        opt.step(f, g);
        assertEquals(eta1, opt.lastStepSize(), 1e-15);
        assertEquals(2 - 8 * eta1, w1.get(0, 1), 1e-14);
        DMatrixRMaj[] small = {m(3 / 13.0, 4 / 13.0), m(0, 12 / 13.0)};
        opt.step(f, small);
        double vhat3 = 3.339469 / (1 - 0.970299);
        double eta3 = lr / (Math.sqrt(vhat3) + 1e-4);
        assertEquals(eta3, opt.lastStepSize(), 1e-12);
        assertEquals(1 - 6 * eta1 - 3 / 13.0 * eta3, w1.get(0, 0), 1e-14);
        assertEquals(0.5 - 24 * eta1 - 12 / 13.0 * eta3, w2.get(0, 1), 1e-14);
        assertEquals(-1, w2.get(0, 0), 0.0);
    }

    @Test
    void gradientDescentStepsByLr() {
        DMatrixRMaj w = m(1, 2);
        Optimizer opt = Optimizer.create(OptimizerKind.GD, 0.5, new int[] {2, 1});
        opt.step(new DMatrixRMaj[] {w}, new DMatrixRMaj[] {m(2, -4)});
        assertEquals(0, w.get(0, 0), 0.0);
        assertEquals(4, w.get(0, 1), 0.0);
        assertEquals(0.5, opt.lastStepSize(), 0.0);
    }

    /** Adam's first step is lr * sign(g) (up to eps); the second follows the moment recursions. */
    @Test
    void adamMatchesTheStandardRecursion() {
        DMatrixRMaj w = m(1, 1);
        Optimizer opt = Optimizer.create(OptimizerKind.ADAM, 0.1, new int[] {2, 1});
        opt.step(new DMatrixRMaj[] {w}, new DMatrixRMaj[] {m(2, -0.5)});
        assertEquals(1 - 0.1 * 2 / (2 + 1e-8), w.get(0, 0), 1e-15);
        assertEquals(1 + 0.1 * 0.5 / (0.5 + 1e-8), w.get(0, 1), 1e-15);
        double before = w.get(0, 0);
        opt.step(new DMatrixRMaj[] {w}, new DMatrixRMaj[] {m(1, 0)});
        double mHat = (0.9 * 0.1 * 2 + 0.1 * 1) / (1 - 0.81);
        double vHat = (0.999 * 0.001 * 4 + 0.001 * 1) / (1 - 0.998001);
        assertEquals(before - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), w.get(0, 0), 1e-14);
    }

    @Test
    void rejectsBadLearningRatesAndNames() {
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(OptimizerKind.GD, -1, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(OptimizerKind.GD, Double.NaN, new int[] {1, 1}));
        assertEquals(OptimizerKind.GROUP_RMSPROP, OptimizerKind.parse("GroupRMSprop"));
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("sgd-momentum"));
    }
}
