package org.deepfact.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class DynamicsCheckTest {

    /** Rank-2 20 x 20 target with singular values about 5 and 2, 200 observed entries. */
    static Observations problem() {
        Random rnd = new Random(42);
        int n = 20;
        DMatrixRMaj u = RandomMatrices_DDRM.orthogonal(n, 2, rnd);
        DMatrixRMaj v = RandomMatrices_DDRM.orthogonal(n, 2, rnd);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] s = {5, 2};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w.set(i, j, s[0] * u.get(i, 0) * v.get(j, 0) + s[1] * u.get(i, 1) * v.get(j, 1));
            }
        }
        int m = 200;
        int[] perm = new int[n * n];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int[] r = new int[m];
        int[] c = new int[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            int j = k + rnd.nextInt(perm.length - k);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
            r[k] = perm[k] / n;
            c[k] = perm[k] % n;
            y[k] = w.get(r[k], c[k]);
        }
        return Observations.of(n, n, r, c, y);
    }

    private static TrainingResult train(Observations obs, int depth, double lr, long steps, long logEvery) {
        return Trainer.train(RecoveryProblem.completion(obs), TrainingConfig.builder().depth(depth)
                .init(InitKind.IDENTITY).initScale(1e-2).optimizer(OptimizerKind.GD).learningRate(lr)
                .maxIterations(steps).lossThreshold(0).logEvery(logEvery).topK(2).stepCheck(true).build(), null);
    }

    @Test
    void trainerStepsMatchAnIndependentDenseChain() {
        // The measured and predicted steps from the trainer's history against the same quantities
        // computed densely on BalancedChain (its own gradient, product and SVD).
        Observations obs = problem();
        DynamicsReport report = DynamicsCheck.of(train(obs, 3, 1, 60, 20).history(), 3, 2);
        BalancedChain chain = new BalancedChain(obs, 3, 1e-2);
        int checked = 0;
        for (int t = 0; t <= 60; t++) {
            if (t % 20 == 0 && t > 0 && t < 60) { // t = 0 (W = sI, equal singular values) is skipped
                DMatrixRMaj w = chain.endToEnd();
                Spectrum before = Spectrum.withVectors(w);
                DMatrixRMaj g = chain.gradient(w);
                chain.step(1);
                double[] after = Spectrum.of(chain.endToEnd()).singularValues();
                assertEquals(t, report.iterations()[checked]);
                for (int r = 0; r < 2; r++) {
                    double inner = 0;
                    for (int i = 0; i < 20; i++) {
                        for (int j = 0; j < 20; j++) {
                            inner += before.leftVectors().get(i, r) * g.get(i, j) * before.rightVectors().get(j, r);
                        }
                    }
                    double predicted = -3 * Math.pow(before.singularValue(r), 4.0 / 3) * inner;
                    double measured = after[r] - before.singularValue(r);
                    assertEquals(predicted, report.predicted()[checked][r], 1e-9 * Math.abs(predicted) + 1e-15);
                    assertEquals(measured, report.measured()[checked][r], 1e-9 * Math.abs(measured) + 1e-13);
                }
                checked++;
            } else {
                chain.step(1);
            }
        }
        assertEquals(2, checked);
        assertEquals(2, report.measured().length);
    }

    @Test
    void predictionAgreesToFirstOrderInLearningRate() {
        Observations obs = problem();
        // Same continuous time (lr * steps) for both runs, so the states compare.
        DynamicsReport coarse = DynamicsCheck.of(train(obs, 3, 2, 55, 50).history(), 3, 2);
        DynamicsReport fine = DynamicsCheck.of(train(obs, 3, 1, 110, 100).history(), 3, 2);
        assertEquals(1, coarse.iterations().length, "the identity start has no singular vectors to check");
        assertTrue(coarse.maxRelativeDiscrepancy() < 0.05, coarse.maxRelativeDiscrepancy() + "");
        for (int r = 0; r < 2; r++) {
            double ratio = fine.relativeDiscrepancy()[r] / coarse.relativeDiscrepancy()[r];
            assertTrue(ratio > 0.35 && ratio < 0.65, "sigma_" + (r + 1) + ": halving lr changed the discrepancy by "
                    + ratio);
            // the singular values move (the comparison is not between two zeros)
            assertTrue(Math.abs(coarse.measured()[0][r]) > 1e-5);
        }
        // A history without the step check has nothing to compare.
        TrainingResult plain = Trainer.train(RecoveryProblem.completion(obs), TrainingConfig.builder().depth(2)
                .maxIterations(10).logEvery(1).build(), null);
        assertThrows(IllegalArgumentException.class, () -> DynamicsCheck.of(plain.history(), 2, 2));
    }

    @Test
    void factorGradientsMatchFiniteDifferences() {
        Observations obs = problem();
        BalancedChain chain = new BalancedChain(obs, 3, 0.5);
        for (int t = 0; t < 3; t++) {
            chain.step(1);
        }
        DMatrixRMaj[] grads = chain.factorGradients(chain.gradient(chain.endToEnd()));
        Random rnd = new Random(1);
        for (int j = 0; j < 3; j++) {
            DMatrixRMaj dir = RandomMatrices_DDRM.rectangle(20, 20, -1, 1, rnd);
            double h = 1e-6;
            CommonOps_DDRM.addEquals(chain.factor(j), h, dir);
            double plus = chain.loss();
            CommonOps_DDRM.addEquals(chain.factor(j), -2 * h, dir);
            double minus = chain.loss();
            CommonOps_DDRM.addEquals(chain.factor(j), h, dir);
            double numeric = (plus - minus) / (2 * h);
            double analytic = 0;
            for (int p = 0; p < dir.data.length; p++) {
                analytic += grads[j].data[p] * dir.data[p];
            }
            assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(numeric)), "factor " + j);
        }
    }

    @Test
    void identityInitializationIsBalanced() {
        BalancedChain chain = new BalancedChain(problem(), 4, 1e-3);
        for (int j = 0; j + 1 < 4; j++) {
            DMatrixRMaj left = new DMatrixRMaj(20, 20);
            DMatrixRMaj right = new DMatrixRMaj(20, 20);
            CommonOps_DDRM.multTransA(chain.factor(j + 1), chain.factor(j + 1), left);
            CommonOps_DDRM.multTransB(chain.factor(j), chain.factor(j), right);
            for (int p = 0; p < left.data.length; p++) {
                assertEquals(right.data[p], left.data[p], 1e-15);
            }
        }
        assertEquals(1e-3, Spectrum.of(chain.endToEnd()).spectralNorm(), 1e-15);
    }

    @Test
    void rejectsBadSettings() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsCheck.of(java.util.List.of(), 0, 1))
                .getMessage().contains("Depth"));
    }
}
