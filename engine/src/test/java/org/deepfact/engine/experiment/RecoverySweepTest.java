package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

class RecoverySweepTest {

    private static SweepGrid grid(Problem problem) {
        return new SweepGrid(problem, 12, 12, 2, List.of(60), List.of(1, 2, 3), true, List.of(1e-2, 1e-3),
                List.of(1e-2), 2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 3000, 1e-6, 1e-3, 5);
    }

    @Test
    void gridOrderAndSize() {
        List<RunSpec> runs = grid(Problem.COMPLETION).runs();
        assertEquals(3 * 2 * 2 + 2, runs.size());
        assertEquals(1, runs.get(0).depth());
        assertEquals(0, runs.get(0).repeat());
        assertEquals(1, runs.get(1).repeat());
        assertTrue(runs.get(runs.size() - 1).nuclear());
    }

    @Test
    void duplicateCoordinatesAreRejected() {
        SweepGrid g = grid(Problem.COMPLETION);
        SweepGrid dup = new SweepGrid(g.problem(), 12, 12, 2, g.ms(), List.of(2, 3, 2), true, g.initScales(),
                g.learningRates(), 1, g.init(), g.optimizer(), 10, 1e-6, 1e-3, 5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                dup::runs);
        assertTrue(e.getMessage().contains("Depth 2 is listed twice"), e.getMessage());
    }

    @Test
    void sameNumbersForAnyThreadCount() {
        for (Problem p : Problem.values()) {
            List<RunResult> one = new RecoverySweep(grid(p)).execute(1, null, ProgressCallback.NONE);
            List<RunResult> two = new RecoverySweep(grid(p)).execute(2, null, ProgressCallback.NONE);
            assertEquals(one.size(), two.size());
            for (int i = 0; i < one.size(); i++) {
                RunResult a = one.get(i);
                RunResult b = two.get(i);
                assertEquals(a.spec(), b.spec());
                assertEquals(a.iterations(), b.iterations());
                assertEquals(a.stopReason(), b.stopReason());
                assertEquals(Double.doubleToLongBits(a.trainLoss()), Double.doubleToLongBits(b.trainLoss()));
                assertEquals(Double.doubleToLongBits(a.reconstructionError()),
                        Double.doubleToLongBits(b.reconstructionError()));
                assertEquals(Double.doubleToLongBits(a.nuclearNorm()), Double.doubleToLongBits(b.nuclearNorm()));
                assertEquals(Double.doubleToLongBits(a.effectiveRank()), Double.doubleToLongBits(b.effectiveRank()));
            }
        }
    }

    @Test
    void depthOneLeavesUnobservedEntriesNearZeroInit() {
        // Depth 1 only moves observed entries: error about (1 - m/n^2) times the unit mean square.
        RecoverySweep sweep = new RecoverySweep(grid(Problem.COMPLETION));
        RunResult d1 = sweep.run(sweep.grid().runs().get(0), ProgressCallback.NONE);
        assertEquals("converged", d1.stopReason().id());
        double unobserved = 1 - 60.0 / 144;
        assertEquals(unobserved, d1.reconstructionError(), 0.25);
    }
}
