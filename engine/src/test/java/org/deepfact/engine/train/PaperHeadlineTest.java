package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper's headline (science.md section 7) at its exact setting: 100 x 100, rank 5, m = 2000,
 * gaussian init s = 1e-3, GroupRMSprop lr 1e-3, stop at loss 1e-6. Depth 3 recovers the matrix,
 * depth 2 does not, depth 1 leaves the unobserved entries at about zero. Runs to convergence
 * (about 30 000 iterations each for depths 2 and 3), so it is the slowest test of the engine.
 */
class PaperHeadlineTest {

    private static RecoveryProblem problem;

    @BeforeAll
    static void generate() {
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(100, 100, 5, 1));
        Observations observed = Samplers.uniform(truth, 2000, 2);
        problem = RecoveryProblem.completion(observed).withGroundTruth(truth);
    }

    private static HistoryRecord train(int depth) {
        TrainingConfig config = TrainingConfig.builder().depth(depth).seed(3).logEvery(1_000_000)
                .alignment(false).build();
        TrainingResult r = Trainer.train(problem, config, null);
        assertEquals(StopReason.CONVERGED, r.stopReason(), "depth " + depth);
        return r.last();
    }

    @Test
    void depthThreeRecoversWhereDepthTwoDoesNot() {
        HistoryRecord three = train(3);
        assertTrue(three.reconstructionError() < 1e-4, "depth 3 error " + three.reconstructionError());
        assertEquals(5, three.effectiveRank(), 0.5, "depth 3 effective rank");
        HistoryRecord two = train(2);
        assertTrue(two.reconstructionError() > 1e-2, "depth 2 error " + two.reconstructionError());
    }

    @Test
    void depthOneLeavesTheUnobservedEntriesAtZero() {
        // Observed entries fitted (loss <= 1e-6), unobserved ones left at their ~1e-4 initial
        // values: the error is the truth's mass off the mask, about 1 - m/n^2 = 0.8.
        DMatrixRMaj truth = problem.groundTruth();
        boolean[] seen = new boolean[100 * 100];
        Observations observed = problem.observations();
        for (int k = 0; k < observed.size(); k++) {
            seen[observed.row(k) * 100 + observed.col(k)] = true;
        }
        double offMask = 0;
        for (int p = 0; p < seen.length; p++) {
            offMask += seen[p] ? 0 : truth.data[p] * truth.data[p];
        }
        double expected = offMask / (100 * 100);
        assertEquals(1 - 2000.0 / (100 * 100), expected, 0.05, "the truth has unit RMS entries");
        assertEquals(expected, train(1).reconstructionError(), 1e-5);
    }
}
