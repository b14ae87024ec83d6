package org.deepfact.engine.greedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Greedy low-rank learning against Eckart-Young and against gradient descent from small inits. */
class GreedyLowRankTest {

    @Test
    void fullyObservedEachPhaseReachesTheBestApproximationOfItsRank() {
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(10, 10, 3, 2).withConditionNumber(4));
        RecoveryProblem p = RecoveryProblem.completion(Samplers.uniform(truth, 100, 1)).withGroundTruth(truth);
        GreedyLowRank.Result r = new GreedyLowRank(1e-8, 2, 3, 1e-14, 500, 1e-6, 100_000, 50).run(p, null);
        double[] s = Spectrum.of(truth).top(3);
        // Eckart-Young: the best rank-k fit leaves sum_{i > k} sigma_i^2, over n^2 = 100 entries
        double[] expected = {(s[1] * s[1] + s[2] * s[2]) / 100, s[2] * s[2] / 100};
        assertEquals(3, r.phases().size());
        for (int k = 0; k < 2; k++) {
            assertEquals(k + 1, r.phases().get(k).rank());
            assertEquals(expected[k], r.phases().get(k).trainLoss(), 1e-3 * expected[k], "phase " + (k + 1));
        }
        assertTrue(r.phases().get(2).trainLoss() <= 1e-14);
        // points count iterations across phases
        List<GreedyLowRank.Point> pts = r.points();
        for (int i = 1; i < pts.size(); i++) {
            assertTrue(pts.get(i).iteration() > pts.get(i - 1).iteration());
        }
        assertEquals(r.iterations(), pts.get(pts.size() - 1).iteration());
    }

    @Test
    void gradientDescentApproachesGlrlAsTheInitShrinks() {
        GlrlExperiment e = new GlrlExperiment(20, 3, 200, List.of(1e-4, 1e-16), 1e-8, 1, 100_000, 1e-6, 50, 1);
        GlrlExperiment.Outcome o = e.execute(2, null, ProgressCallback.NONE);
        GreedyLowRank.Result g = o.greedy();
        assertEquals(3, g.phases().size()); // one phase per rank of the ground truth
        assertTrue(g.phases().get(2).reconstructionError() < 1e-3, "GLRL error " + g.phases().get(2));
        double far = o.distance(0);
        double near = o.distance(1);
        assertTrue(near < 0.5 * far, "distance to GLRL " + far + " at s = 1e-4, " + near + " at s = 1e-16");
        assertTrue(o.descent().get(1).last().reconstructionError() < o.descent().get(0).last().reconstructionError());
    }

    @Test
    void sensingIsRejected() {
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(4, 4, 1, 1));
        SensingOperator op = SensingOperator.gaussian(4, 4, 8, 1);
        RecoveryProblem p = RecoveryProblem.sensing(op, op.measure(truth));
        assertThrows(IllegalArgumentException.class,
                () -> new GreedyLowRank(1e-8, 1, 2, 1e-6, 100, 1e-3, 1000, 10).run(p, null));
    }
}
