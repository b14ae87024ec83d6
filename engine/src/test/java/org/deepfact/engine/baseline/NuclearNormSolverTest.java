package org.deepfact.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NuclearNormSolverTest {

    private static NuclearNormSolver solver(double eps, double tol) {
        return new NuclearNormSolver(NuclearNormConfig.defaults().withEpsilon(eps).withTolerance(tol));
    }

    private static Observations full(DMatrixRMaj w) {
        int n = w.numRows * w.numCols;
        int[] r = new int[n];
        int[] c = new int[n];
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            r[p] = p / w.numCols;
            c[p] = p % w.numCols;
            v[p] = w.data[p];
        }
        return Observations.of(w.numRows, w.numCols, r, c, v);
    }

    @Test
    void fullyObservedDiagonalWithBoxHasTraceBoundOptimum() {
        // Dual certificate I: ||X||_* >= tr X >= sum (d_i - eps), attained by diag(d - eps).
        double eps = 0.1;
        double[] d = {3, 2, 1, 0.5, 0.25};
        DMatrixRMaj y = new DMatrixRMaj(5, 5);
        double expected = 0;
        for (int i = 0; i < d.length; i++) {
            y.set(i, i, d[i]);
            expected += d[i] - eps;
        }
        NuclearNormResult res = solver(eps, 1e-8).solve(RecoveryProblem.completion(full(y)), ProgressCallback.NONE);
        assertTrue(res.report().converged(), res.report().toString());
        assertEquals(expected, res.report().nuclearNorm(), 1e-6);
        assertEquals(expected, Spectrum.of(res.solution()).nuclearNorm(), 1e-6);
        assertTrue(res.report().maxViolation() <= 1e-6, res.report().toString());
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i] - eps, res.solution().get(i, i), 1e-5);
        }
    }

    @Test
    void onesWithOneMissingEntryCompletesToOnes() {
        // Certificate: u v^T + W with ||W|| = 1/(n-1) < 1 vanishes on the missing entry, so the
        // all-ones matrix (nuclear norm n) is the unique minimizer.
        int n = 8;
        int[] r = new int[n * n - 1];
        int[] c = new int[n * n - 1];
        double[] v = new double[n * n - 1];
        for (int p = 1; p < n * n; p++) {
            r[p - 1] = p / n;
            c[p - 1] = p % n;
            v[p - 1] = 1;
        }
        NuclearNormResult res = solver(0, 1e-9).solve(RecoveryProblem.completion(Observations.of(n, n, r, c, v)), ProgressCallback.NONE);
        assertEquals(1, res.solution().get(0, 0), 1e-6);
        assertEquals(n, res.report().nuclearNorm(), 1e-6);
    }

    @Test
    void razinCohenTwoByTwoHasZeroCorner() {
        // X = [[a, 1], [1, 0]] has nuclear norm sqrt(a^2 + 4): minimum 2 at a = 0.
        Observations obs = Observations.of(2, 2, new int[] {0, 1, 1}, new int[] {1, 0, 1}, new double[] {1, 1, 0});
        NuclearNormResult res = solver(0, 1e-9).solve(RecoveryProblem.completion(obs), ProgressCallback.NONE);
        assertEquals(0, res.solution().get(0, 0), 1e-6);
        assertEquals(2, res.report().nuclearNorm(), 1e-6);
    }

    @Test
    void singleSensingMeasurementMatchesDualNorm() {
        // min ||X||_* s.t. |<A, X> - y| <= eps has value (|y| - eps) / ||A||_2 (dual norm pair).
        DMatrixRMaj a = new DMatrixRMaj(5, 4);
        Random rnd = new Random(7);
        double[][] arr = new double[5][4];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                arr[i][j] = rnd.nextGaussian();
                a.set(i, j, arr[i][j]);
            }
        }
        double sigma1 = new SingularValueDecomposition(new Array2DRowRealMatrix(arr)).getSingularValues()[0];
        DenseSensingConstraints map = new DenseSensingConstraints(a);
        for (double eps : new double[] {0, 0.5}) {
            NuclearNormResult res = solver(eps, 1e-8).solve(map, new double[] {3}, ProgressCallback.NONE);
            assertTrue(res.report().converged(), res.report().toString());
            assertEquals((3 - eps) / sigma1, res.report().nuclearNorm(), 1e-6);
            assertTrue(res.report().maxViolation() <= 1e-6, res.report().toString());
            assertEquals(1, Spectrum.of(res.solution()).numericalRank(1e-6));
        }
    }

    @Test
    void neverBeatsFeasibleGroundTruthByMoreThanTolerance() {
        DMatrixRMaj w = Fixtures.lowRank(30, 24, 2, 1);
        double truth = Spectrum.of(w).nuclearNorm();
        NuclearNormResult completion = solver(0, 1e-7).solve(RecoveryProblem.completion(Fixtures.sample(w, 300, 2)), ProgressCallback.NONE);
        assertTrue(completion.report().nuclearNorm() <= truth * (1 + 1e-6), completion.report() + " vs " + truth);

        DMatrixRMaj small = Fixtures.lowRank(8, 8, 1, 3);
        DenseSensingConstraints map = Fixtures.gaussianSensing(8, 8, 40, 4);
        double[] y = new double[40];
        map.apply(small, y);
        double smallTruth = Spectrum.of(small).nuclearNorm();
        // Box constraints give the primal-dual method a slow tail: ask for 1e-4 there.
        NuclearNormResult box = solver(1e-3, 1e-4).solve(map, y, ProgressCallback.NONE);
        assertTrue(box.report().converged(), box.report().toString());
        assertTrue(box.report().nuclearNorm() <= smallTruth * (1 + 1e-4), box.report() + " vs " + smallTruth);
        NuclearNormResult exact = solver(0, 1e-7).solve(map, y, ProgressCallback.NONE);
        assertTrue(exact.report().converged(), exact.report().toString());
        assertTrue(exact.report().nuclearNorm() <= smallTruth * (1 + 1e-6), exact.report() + " vs " + smallTruth);
        assertTrue(exact.report().maxViolation() <= 1e-5, exact.report().toString());
        // 40 generic measurements of a rank-1 8 x 8 matrix recover it
        assertTrue(Fixtures.meanSquaredError(exact.solution(), small) < 1e-8);
    }

    @Test
    void tighterToleranceDoesNotLowerObjectiveBeyondTolerance() {
        DMatrixRMaj w = Fixtures.lowRank(40, 40, 3, 5);
        Observations obs = Fixtures.sample(w, 500, 6);
        NuclearNormReport loose = solver(1e-3, 1e-4).solve(RecoveryProblem.completion(obs), ProgressCallback.NONE).report();
        NuclearNormReport tight = solver(1e-3, 1e-8).solve(RecoveryProblem.completion(obs), ProgressCallback.NONE).report();
        assertTrue(loose.converged() && tight.converged());
        assertTrue(loose.nuclearNorm() - tight.nuclearNorm() <= 1e-4 * tight.nuclearNorm(),
                loose + " vs " + tight);
        assertTrue(tight.nuclearNorm() - loose.nuclearNorm() <= 1e-4 * tight.nuclearNorm(),
                loose + " vs " + tight);
        assertTrue(tight.maxViolation() <= loose.maxViolation() + 1e-12);
    }

    @Test
    void deterministicBits() {
        DMatrixRMaj w = Fixtures.lowRank(20, 20, 2, 8);
        Observations obs = Fixtures.sample(w, 150, 9);
        DMatrixRMaj a = solver(1e-3, 1e-6).solve(RecoveryProblem.completion(obs), ProgressCallback.NONE).solution();
        DMatrixRMaj b = solver(1e-3, 1e-6).solve(RecoveryProblem.completion(obs), ProgressCallback.NONE).solution();
        assertArrayEquals(a.data, b.data, 0);
    }

    @Test
    void nullCallbackMeansNone() {
        DMatrixRMaj w = Fixtures.lowRank(10, 10, 1, 21);
        Observations obs = Fixtures.sample(w, 60, 22);
        NuclearNormSolver s = solver(1e-3, 1e-6);
        assertArrayEquals(s.solve(RecoveryProblem.completion(obs), ProgressCallback.NONE).solution().data,
                s.solve(RecoveryProblem.completion(obs), null).solution().data, 0);
        DenseSensingConstraints map = Fixtures.gaussianSensing(6, 6, 20, 23);
        double[] y = new double[map.size()];
        map.apply(Fixtures.lowRank(6, 6, 1, 24), y);
        NuclearNormSolver capped = new NuclearNormSolver(NuclearNormConfig.defaults().withMaxIterations(200));
        assertArrayEquals(capped.solve(map, y, ProgressCallback.NONE).solution().data,
                capped.solve(map, y, null).solution().data, 0);
    }

    @Test
    void reportsProgressAndStopsOnCancel() {
        DMatrixRMaj w = Fixtures.lowRank(30, 30, 3, 10);
        Observations obs = Fixtures.sample(w, 300, 10);
        AtomicInteger calls = new AtomicInteger();
        ProgressCallback cancelLater = new ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return calls.get() >= 2;
            }
        };
        assertThrows(OperationCanceledException.class,
                () -> solver(1e-3, 1e-12).solve(RecoveryProblem.completion(obs), cancelLater));
        assertEquals(2, calls.get());
    }

    @Test
    void iterationCapIsReportedNotThrown() {
        DMatrixRMaj w = Fixtures.lowRank(20, 20, 2, 13);
        NuclearNormReport r = new NuclearNormSolver(NuclearNormConfig.defaults().withMaxIterations(3))
                .solve(RecoveryProblem.completion(Fixtures.sample(w, 150, 13)), ProgressCallback.NONE).report();
        assertEquals(3, r.iterations());
        assertTrue(!r.converged());
    }

    @Test
    void rejectsBadSettingsAndInputs() {
        NuclearNormConfig c = NuclearNormConfig.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.withEpsilon(-1)).getMessage()
                .contains("epsilon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.withTolerance(0)).getMessage()
                .contains("tolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.withMaxIterations(0)).getMessage()
                .contains("maxIterations"));
        DenseSensingConstraints map = Fixtures.gaussianSensing(3, 3, 2, 1);
        NuclearNormSolver s = new NuclearNormSolver(c);
        assertThrows(IllegalArgumentException.class, () -> s.solve(map, new double[] {1}, ProgressCallback.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(map, new double[] {1, Double.NaN}, ProgressCallback.NONE));
    }
}
