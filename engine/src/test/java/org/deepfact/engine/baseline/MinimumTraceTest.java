package org.deepfact.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Minimum trace over the PSD cone (NuclearNormConfig.withPsd): against an LP, Commons Math eigen, known optima. */
class MinimumTraceTest {

    private static NuclearNormSolver solver(boolean psd, double eps, double tol) {
        return new NuclearNormSolver(NuclearNormConfig.defaults().withPsd(psd).withEpsilon(eps).withTolerance(tol)
                .withMaxIterations(100_000));
    }

    private static double trace(DMatrixRMaj x) {
        return CommonOps_DDRM.trace(x);
    }

    /** Smallest eigenvalue by Commons Math (of the symmetric part). */
    private static double minEigenvalue(DMatrixRMaj x) {
        int n = x.numRows;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (x.get(i, j) + x.get(j, i)) / 2;
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
        return Arrays.stream(ev).min().orElseThrow();
    }

    private static void assertSymmetric(DMatrixRMaj x) {
        assertArrayEquals(CommonOps_DDRM.transpose(x, null).data, x.data, 0.0, "result is symmetric bit for bit");
    }

    private static DMatrixRMaj psdTruth(int n, int rank, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj u = new DMatrixRMaj(n, rank);
        for (int p = 0; p < u.data.length; p++) {
            u.data[p] = rnd.nextGaussian();
        }
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(u, u, x);
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE})
    void aNonFiniteIterateFailsTheShrinkageInsteadOfGivingZero(double bad) {
        // MAX_VALUE is finite, but the eigenvalue prox's symmetric part (MAX + MAX) / 2 is not.
        int n = 5;
        DMatrixRMaj g = CommonOps_DDRM.identity(n);
        g.set(1, 2, bad);
        g.set(2, 1, bad);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        String eig = assertThrows(IllegalStateException.class, () -> new EigenvalueShrinkage(n).shrink(g, 0.1, out))
                .getMessage();
        assertTrue(eig.contains("minimum-trace solver's iterate is no longer finite"), eig);
        if (Double.isFinite(bad)) {
            return; // the SVD of a finite matrix is finite (or does not converge)
        }
        String svd = assertThrows(IllegalStateException.class,
                () -> new SingularValueShrinkage(n, n).shrink(g, 0.1, out)).getMessage();
        assertTrue(svd.contains("nuclear-norm solver's iterate is no longer finite") && svd.contains("entry"), svd);
    }

    @Test
    void shrinkageEqualsCommonsMathEigenThresholding() {
        int n = 7;
        Random rnd = new Random(3);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int p = 0; p < g.data.length; p++) {
            g.data[p] = rnd.nextGaussian();
        }
        double t = 0.4;
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        EigenvalueShrinkage shrink = new EigenvalueShrinkage(n);
        double value = shrink.shrink(g, t, out);
        // independent: Commons Math eigendecomposition of (G + G^T)/2, eigenvalues -> max(lambda - t, 0)
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (g.get(i, j) + g.get(j, i)) / 2;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(s, false));
        double[][] expected = new double[n][n];
        double expectedTrace = 0;
        int rank = 0;
        for (int k = 0; k < n; k++) {
            double shrunk = Math.max(eig.getRealEigenvalue(k) - t, 0);
            if (shrunk > 0) {
                rank++;
            }
            expectedTrace += shrunk;
            double[] v = eig.getEigenvector(k).toArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected[i][j] += shrunk * v[i] * v[j];
                }
            }
        }
        assertTrue(rank > 0 && rank < n, "threshold keeps some eigenvalues: " + rank);
        assertEquals(rank, shrink.lastRank());
        assertEquals(expectedTrace, value, 1e-12);
        assertEquals(expectedTrace, trace(out), 1e-12);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected[i][j], out.get(i, j), 1e-12);
            }
        }
        assertSymmetric(out);
        // a large threshold gives zero
        assertEquals(0, shrink.shrink(g, 100, out));
        assertEquals(0, NormOps_DDRM.normF(out));
    }

    /** min sum x s.t. D x = y, x &gt;= 0 by Commons Math's simplex. */
    private static PointValuePair linearProgram(double[][] d, double[] y) {
        int n = d[0].length;
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            constraints.add(new LinearConstraint(d[i], Relationship.EQ, y[i]));
        }
        return new SimplexSolver(1e-10, 10, 1e-14).optimize(new LinearObjectiveFunction(ones, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true));
    }

    @Test
    void commutingSensingEqualsTheLinearProgramOnTheEigenvalues() {
        // A_i = Q D_i Q^T: <A_i, X> = sum_k d_ik (Q^T X Q)_kk and tr X = sum_k (Q^T X Q)_kk, the
        // diagonal of a PSD matrix is >= 0, so min tr over PSD = the LP min sum x, D x = y, x >= 0.
        commutingCase(8, 4, 11, 1e-9);
        commutingCase(20, 10, 12, 1e-7); // 1e-9 takes about 16 000 iterations here
    }

    private static void commutingCase(int n, int m, long seed, double tol) {
        SensingOperator op = SensingOperator.commuting(n, m, seed);
        double[][] d = new double[m][];
        for (int i = 0; i < m; i++) {
            d[i] = op.eigenvalues(i);
        }
        DMatrixRMaj q = op.commonEigenbasis();
        Random rnd = new Random(seed);
        double[] x0 = new double[n]; // feasible point, >= 0, half of it zero
        for (int k = 0; k < n; k += 2) {
            x0[k] = 0.2 + rnd.nextDouble();
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                y[i] += d[i][k] * x0[k];
            }
        }
        long lpStart = System.nanoTime();
        PointValuePair lp = linearProgram(d, y);
        double lpSeconds = (System.nanoTime() - lpStart) * 1e-9;
        double[] x = lp.getPoint();
        RecoveryProblem problem = RecoveryProblem.sensing(op, y);
        NuclearNormResult res = solver(true, 0, tol).solve(problem, ProgressCallback.NONE);
        System.out.printf("commuting n=%d m=%d: LP %.12f (%.3f s), min trace %.12f (relative %.2e), %d iterations, "
                + "%.3f s%n", n, m, lp.getValue(), lpSeconds, res.report().nuclearNorm(),
                Math.abs(res.report().nuclearNorm() - lp.getValue()) / lp.getValue(), res.report().iterations(),
                res.report().seconds());
        assertTrue(res.report().converged(), res.report().toString());
        assertTrue(lp.getValue() < Arrays.stream(x0).sum() - 0.1, "the LP optimum is below the feasible point's");
        assertEquals(lp.getValue(), res.report().nuclearNorm(), 10 * tol * lp.getValue());
        assertEquals(lp.getValue(), trace(res.solution()), 10 * tol * lp.getValue());
        assertTrue(res.report().maxViolation() <= 100 * tol, res.report().toString());
        // X vs Q diag(x) Q^T (the LP's vertex is unique for these generic D; the iterates stay diagonal in Q's basis)
        DMatrixRMaj qx = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(x), qx);
        DMatrixRMaj expected = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qx, q, expected);
        DMatrixRMaj diff = res.solution().copy();
        CommonOps_DDRM.subtractEquals(diff, expected);
        double relative = NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(expected);
        System.out.printf("commuting n=%d: ||X - Q diag(x_LP) Q^T||_F / ||.||_F = %.2e%n", n, relative);
        assertTrue(relative < 1000 * tol, "relative distance to the LP solution " + relative);
        assertSymmetric(res.solution());
        assertTrue(minEigenvalue(res.solution()) >= -1e-12);
    }

    @Test
    void psdTruthIsRecoveredFromSymmetricMeasurements() {
        int n = 6;
        DMatrixRMaj truth = psdTruth(n, 1, 5);
        int m = 15; // below the 21 of the symmetric matrices' dimension
        SensingOperator op = SensingOperator.symmetricGaussian(n, m, 6);
        RecoveryProblem problem = RecoveryProblem.sensing(op, op.measure(truth));
        NuclearNormResult res = solver(true, 0, 1e-9).solve(problem, ProgressCallback.NONE);
        assertTrue(res.report().converged(), res.report().toString());
        DMatrixRMaj diff = res.solution().copy();
        CommonOps_DDRM.subtractEquals(diff, truth);
        double error = NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(truth);
        System.out.printf("PSD rank-1 recovery n=%d m=%d: relative error %.2e, %d iterations, %.3f s%n", n, m, error,
                res.report().iterations(), res.report().seconds());
        assertTrue(error < 1e-5, "relative error " + error);
        assertEquals(trace(truth), res.report().nuclearNorm(), 1e-5 * trace(truth));
        assertSymmetric(res.solution());
    }

    @Test
    void psdConstraintRaisesTheNormWhenTheMinimumNuclearNormSolutionIsIndefinite() {
        int n = 5;
        DMatrixRMaj truth = psdTruth(n, n, 7); // full-rank PSD: feasible for the PSD problem
        int m = 4;
        SensingOperator op = SensingOperator.symmetricGaussian(n, m, 8);
        RecoveryProblem problem = RecoveryProblem.sensing(op, op.measure(truth));
        NuclearNormResult nuclear = solver(false, 0, 1e-9).solve(problem, ProgressCallback.NONE);
        NuclearNormResult psd = solver(true, 0, 1e-9).solve(problem, ProgressCallback.NONE);
        assertTrue(nuclear.report().converged() && psd.report().converged(), nuclear.report() + " " + psd.report());
        double lowest = minEigenvalue(nuclear.solution());
        System.out.printf("indefinite case: min nuclear %.6f (lowest eigenvalue %.3e), min trace %.6f, tr truth %.6f%n",
                nuclear.report().nuclearNorm(), lowest, psd.report().nuclearNorm(), trace(truth));
        assertTrue(lowest < -1e-3, "precondition: the unconstrained solution is indefinite, lowest eigenvalue " + lowest);
        // >= in general; strictly here, since the unconstrained optimum is not PSD
        assertTrue(psd.report().nuclearNorm() > nuclear.report().nuclearNorm() + 1e-4);
        assertTrue(psd.report().nuclearNorm() <= trace(truth) * (1 + 1e-6), "the truth is feasible");
        assertTrue(minEigenvalue(psd.solution()) >= -1e-10);
        assertTrue(psd.report().maxViolation() <= 1e-7, psd.report().toString());
        assertEquals(trace(psd.solution()), Spectrum.of(psd.solution()).nuclearNorm(), 1e-9);
        assertTrue(psd.report().method().endsWith("minimum trace over PSD"), psd.report().method());
    }

    @Test
    void completionWithPsdGivesAPsdMatrixWhoseTraceIsItsNuclearNorm() {
        int n = 10;
        DMatrixRMaj truth = psdTruth(n, 2, 9);
        Observations observed = Samplers.uniformFraction(truth, 0.6, 10);
        RecoveryProblem problem = RecoveryProblem.completion(observed);
        NuclearNormResult res = solver(true, 1e-3, 1e-7).solve(problem, ProgressCallback.NONE);
        assertTrue(res.report().converged(), res.report().toString());
        assertTrue(res.report().method().startsWith("ADMM"), res.report().method());
        assertTrue(minEigenvalue(res.solution()) >= -1e-10);
        assertSymmetric(res.solution());
        assertTrue(res.report().maxViolation() <= 1e-5, res.report().toString());
        double nuclearNorm = Spectrum.of(res.solution()).nuclearNorm();
        assertEquals(nuclearNorm, trace(res.solution()), 1e-9 * nuclearNorm);
        assertEquals(nuclearNorm, res.report().nuclearNorm(), 1e-5 * nuclearNorm);
        assertTrue(res.report().nuclearNorm() <= trace(truth) * (1 + 1e-5), "the truth is feasible");
        // same bits on a second run
        NuclearNormResult again = solver(true, 1e-3, 1e-7).solve(problem, ProgressCallback.NONE);
        assertArrayEquals(res.solution().data, again.solution().data, 0.0);
        assertEquals(res.report().iterations(), again.report().iterations());
    }

    @Test
    void psdNeedsASquareProblem() {
        DMatrixRMaj w = new DMatrixRMaj(30, 40);
        w.fill(1);
        RecoveryProblem problem = RecoveryProblem.completion(Samplers.uniformFraction(w, 0.5, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver(true, 1e-3, 1e-6).solve(problem, ProgressCallback.NONE));
        assertEquals("PSD (minimum trace) needs a square problem, got 30 x 40", e.getMessage());
    }

    @Test
    void configCarriesPsd() {
        assertFalse(NuclearNormConfig.defaults().psd());
        NuclearNormConfig c = NuclearNormConfig.defaults().withPsd(true).withEpsilon(0).withTolerance(1e-4)
                .withMaxIterations(5);
        assertTrue(c.psd(), "psd survives the other withers");
        assertTrue(c.toString().endsWith(", psd=true]"), c.toString());
    }
}
