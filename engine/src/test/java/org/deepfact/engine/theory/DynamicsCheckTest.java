package org.deepfact.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.spectrum.Spectrum;
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

    @Test
    void predictionAgreesToFirstOrderInLearningRate() {
        Observations obs = problem();
        // Same continuous time (lr * steps) for both runs, so the states compare.
        DynamicsReport coarse = DynamicsCheck.run(obs, new DynamicsConfig(3, 2, 1e-2, 50, 5, 2), ProgressCallback.NONE);
        DynamicsReport fine = DynamicsCheck.run(obs, new DynamicsConfig(3, 1, 1e-2, 100, 5, 2), ProgressCallback.NONE);
        assertTrue(coarse.maxRelativeDiscrepancy() < 0.05, coarse.maxRelativeDiscrepancy() + "");
        for (int r = 0; r < 2; r++) {
            double ratio = fine.relativeDiscrepancy()[r] / coarse.relativeDiscrepancy()[r];
            assertTrue(ratio > 0.35 && ratio < 0.65, "sigma_" + (r + 1) + ": halving lr changed the discrepancy by "
                    + ratio);
            // the singular values move (the comparison is not between two zeros)
            assertTrue(Math.abs(coarse.measured()[0][r]) > 1e-5);
        }
        // in this early phase the gradient acts mostly along u_r v_r^T
        Alignment a = coarse.alignment();
        assertTrue(a.diagonalMean() > 2 * a.offDiagonalMean(), a.toString());
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
    void alignmentOfTheMatrixWithItselfIsDiagonal() {
        // U^T W V = diag(sigma): off-diagonal zero, diagonal mean and sample spread of sigma.
        DMatrixRMaj w = RandomMatrices_DDRM.rectangle(6, 4, new Random(3));
        Spectrum s = Spectrum.withVectors(w);
        Alignment a = Alignment.of(w, s);
        double[] sigma = s.singularValues();
        double mean = (sigma[0] + sigma[1] + sigma[2] + sigma[3]) / 4;
        double var = 0;
        for (double x : sigma) {
            var += (x - mean) * (x - mean) / 3;
        }
        assertEquals(mean, a.diagonalMean(), 1e-12);
        assertEquals(Math.sqrt(var), a.diagonalStd(), 1e-12);
        assertEquals(0, a.offDiagonalMean(), 1e-12);
        assertEquals(0, a.offDiagonalStd(), 1e-12);
        // The trainer's path (products through its kernel) gives the same statistics.
        try (org.deepfact.engine.linalg.DenseKernel k = org.deepfact.engine.linalg.Kernels.dense(1, null)) {
            Alignment viaKernel = Alignment.of(w, s, k);
            assertEquals(mean, viaKernel.diagonalMean(), 1e-12);
            assertEquals(Math.sqrt(var), viaKernel.diagonalStd(), 1e-12);
            assertEquals(0, viaKernel.offDiagonalMean(), 1e-12);
        }
        // A single singular pair has no off-diagonal part and no spread.
        Alignment one = Alignment.of(RandomMatrices_DDRM.rectangle(1, 3, new Random(4)),
                Spectrum.withVectors(RandomMatrices_DDRM.rectangle(1, 3, new Random(5))));
        assertTrue(Double.isFinite(one.diagonalMean()));
        assertTrue(Double.isNaN(one.diagonalStd()) && Double.isNaN(one.offDiagonalMean())
                && Double.isNaN(one.offDiagonalStd()), one.toString());
    }

    @Test
    void rejectsBadSettings() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DynamicsConfig(0, 1, 1, 0, 1, 1))
                .getMessage().contains("depth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DynamicsConfig(2, -1, 1, 0, 1, 1))
                .getMessage().contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DynamicsConfig(2, 1, 1, 0, 0, 1))
                .getMessage().contains("measuredSteps"));
        Observations wide = Observations.of(2, 3, new int[] {0}, new int[] {0}, new double[] {1});
        assertThrows(IllegalArgumentException.class,
                () -> DynamicsCheck.run(wide, new DynamicsConfig(2, 1, 1, 0, 1, 1), ProgressCallback.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> DynamicsCheck.run(problem(), new DynamicsConfig(2, 1, 1, 0, 1, 21), ProgressCallback.NONE));
    }

    @Test
    void nullCallbackMeansNone() {
        DynamicsConfig c = new DynamicsConfig(2, 0.1, 1e-2, 3, 2, 2);
        assertEquals(java.util.Arrays.deepToString(DynamicsCheck.run(problem(), c, ProgressCallback.NONE).measured()),
                java.util.Arrays.deepToString(DynamicsCheck.run(problem(), c, null).measured()));
    }
}
