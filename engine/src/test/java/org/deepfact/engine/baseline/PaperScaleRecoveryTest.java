package org.deepfact.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The paper's 100 x 100, rank 5 setting (science.md section 7): the slowest solver test. */
class PaperScaleRecoveryTest {

    private static NuclearNormSolver solver(double eps, double tol) {
        return new NuclearNormSolver(NuclearNormConfig.defaults().withEpsilon(eps).withTolerance(tol));
    }

    @Test
    void recoversAtFiveThousandButNotTwoThousand() {
        DMatrixRMaj w = Fixtures.lowRank(100, 100, 5, 11);
        NuclearNormResult dense = solver(1e-3, 1e-4).solve(RecoveryProblem.completion(Fixtures.sample(w, 5000, 12)), ProgressCallback.NONE);
        double denseError = Fixtures.meanSquaredError(dense.solution(), w);
        assertTrue(denseError < 1e-5, "m = 5000 error " + denseError + " " + dense.report());
        NuclearNormResult sparse = solver(1e-3, 1e-6).solve(RecoveryProblem.completion(Fixtures.sample(w, 2000, 12)), ProgressCallback.NONE);
        assertTrue(sparse.report().converged(), sparse.report().toString());
        double sparseError = Fixtures.meanSquaredError(sparse.solution(), w);
        assertTrue(sparseError > 1e-2, "m = 2000 error " + sparseError);
        // The convex optimum is below the (feasible) ground truth's nuclear norm.
        assertTrue(sparse.report().nuclearNorm() <= Spectrum.of(w).nuclearNorm());
    }

}
