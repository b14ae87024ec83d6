package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RecoverySweepTest {

    private static SweepGrid grid(Problem problem) {
        return new SweepGrid(problem, 12, 12, 2, List.of(60), List.of(1, 2, 3), true, List.of(1e-2, 1e-3),
                List.of(1e-2), 2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 3000, 1e-6, 1e-3, 5);
    }

    @Test
    void gridOrderAndSize() {
        List<RunSpec> runs = grid(Problem.COMPLETION).runs();
        assertEquals(3 * 2 * 2 + 1, runs.size(), "fixed data: the deterministic baseline runs once per m");
        assertEquals(3 * 2 * 2 + 2, grid(Problem.COMPLETION).withVaryData(true).runs().size());
        assertEquals(1, runs.get(0).depth());
        assertEquals(0, runs.get(0).repeat());
        assertEquals(1, runs.get(1).repeat());
        assertTrue(runs.get(runs.size() - 1).nuclear());
    }

    @Test
    void authorsRepeatsShareTruthAndMaskAndDifferInInitialisation() {
        RecoverySweep fixed = new RecoverySweep(grid(Problem.COMPLETION));
        RecoverySweep vary = new RecoverySweep(grid(Problem.COMPLETION).withVaryData(true));
        RunSpec r0 = point(fixed.grid(), 3, 0);
        RunSpec r1 = point(fixed.grid(), 3, 1);
        RecoveryProblem a = fixed.data(r0);
        RecoveryProblem b = fixed.data(r1);
        assertArrayEquals(a.groundTruth().data, b.groundTruth().data, 0.0);
        assertArrayEquals(a.observations().rowIndices(), b.observations().rowIndices());
        assertArrayEquals(a.observations().colIndices(), b.observations().colIndices());
        assertNotEquals(r0.seed(), r1.seed());
        assertFalse(java.util.Arrays.equals(init(r0)[0].data, init(r1)[0].data), "repeats differ in the init");
        // Repeat 0 is the same run under either protocol; --vary-data redraws the data of the others.
        RunSpec v0 = point(vary.grid(), 3, 0);
        assertEquals(List.of(r0.truthSeed(), r0.sampleSeed(), r0.seed()), List.of(v0.truthSeed(), v0.sampleSeed(),
                v0.seed()));
        RecoveryProblem c = vary.data(point(vary.grid(), 3, 1));
        assertFalse(java.util.Arrays.equals(a.groundTruth().data, c.groundTruth().data));
        assertEquals("init", r0.repeatsVary());
        assertEquals("data+init", point(vary.grid(), 3, 1).repeatsVary());
        // The trained repeats differ (init noise only) but fit the same observations.
        RunResult x = fixed.run(r0, ProgressCallback.NONE);
        RunResult y = fixed.run(r1, ProgressCallback.NONE);
        assertNotEquals(x.reconstructionError(), y.reconstructionError());
    }

    private static RunSpec point(SweepGrid g, int depth, int repeat) {
        return g.runs().stream().filter(r -> !r.nuclear() && r.depth() == depth && r.repeat() == repeat
                && r.initScale() == 1e-2).findFirst().orElseThrow();
    }

    private static DMatrixRMaj[] init(RunSpec r) {
        return Initializer.initialize(new int[] {r.cols(), r.cols(), r.cols(), r.rows()}, r.init(), r.initScale(),
                r.seed());
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
            assertSameNumbers(one, two);
        }
    }

    /** Same specs and bit-identical numbers (all but seconds). */
    static void assertSameNumbers(List<RunResult> one, List<RunResult> two) {
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
            assertEquals(Double.doubleToLongBits(a.heldOutError()), Double.doubleToLongBits(b.heldOutError()));
            assertEquals(Double.doubleToLongBits(a.bestHeldOutError()), Double.doubleToLongBits(b.bestHeldOutError()));
            assertEquals(a.bestHeldOutIteration(), b.bestHeldOutIteration());
        }
    }

    private static SweepGrid small(Problem problem) {
        return new SweepGrid(problem, 9, 8, 2, List.of(40, 50), List.of(1, 2), true, List.of(1e-2), List.of(1e-2),
                2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 400, 1e-6, 1e-3, 7);
    }

    @Test
    void aGivenTruthEqualsTheGridsGeneratedTruthPassedBackInBitForBit() {
        for (Problem p : Problem.values()) {
            RecoverySweep generated = new RecoverySweep(small(p));
            DMatrixRMaj truth = generated.groundTruth(0).copy();
            RecoverySweep given = new RecoverySweep(small(p), truth);
            assertSameNumbers(generated.execute(1, null, ProgressCallback.NONE),
                    given.execute(2, null, ProgressCallback.NONE));
        }
    }

    @Test
    void aGivenTruthIsUsedByEveryRunOfEveryRepeat() {
        SweepGrid g = small(Problem.COMPLETION).withVaryData(true);
        DMatrixRMaj truth = new DMatrixRMaj(9, 8);
        for (int k = 0; k < truth.data.length; k++) {
            truth.data[k] = Math.sin(k + 1.0);
        }
        double[] before = truth.data.clone();
        RecoverySweep sweep = new RecoverySweep(g, truth);
        truth.data[0] = 42; // the sweep keeps a copy
        RecoverySweep generated = new RecoverySweep(g);
        for (RunSpec r : g.runs()) {
            assertArrayEquals(before, sweep.groundTruth(r.repeat()).data, 0.0);
            assertArrayEquals(before, sweep.data(r).groundTruth().data, 0.0);
            // the masks still come from the grid's seeds (new ones per repeat with varyData)
            assertArrayEquals(generated.data(r).observations().rowIndices(), sweep.data(r).observations().rowIndices());
            assertArrayEquals(generated.data(r).observations().colIndices(), sweep.data(r).observations().colIndices());
        }
        RunSpec first = point(g, 2, 0);
        RunSpec second = point(g, 2, 1);
        assertFalse(java.util.Arrays.equals(sweep.data(first).observations().rowIndices(),
                sweep.data(second).observations().rowIndices()), "varyData still redraws the masks");
        // the observed values are the given truth's
        var obs = sweep.data(first).observations();
        for (int k = 0; k < obs.size(); k++) {
            assertEquals(before[obs.row(k) * 8 + obs.col(k)], obs.value(k), 0.0);
        }
    }

    @Test
    void aGivenTruthMustBeFiniteAndOfTheGridsShape() {
        SweepGrid g = small(Problem.SENSING);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RecoverySweep(g, new DMatrixRMaj(8, 9)));
        assertEquals("Ground truth is 8 x 9 but the sweep's grid is 9 x 8", e.getMessage());
        DMatrixRMaj nan = new DMatrixRMaj(9, 8);
        nan.set(3, 5, Double.NaN);
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RecoverySweep(g, nan));
        assertEquals("Ground truth entry (row 3, column 5) is NaN: every entry must be finite", e.getMessage());
        DMatrixRMaj inf = new DMatrixRMaj(9, 8);
        inf.set(8, 0, Double.NEGATIVE_INFINITY);
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RecoverySweep(g, inf));
        assertTrue(e.getMessage().contains("(row 8, column 0) is -Infinity"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RecoverySweep(g, null));
        assertEquals("Ground truth must be given", e.getMessage());
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

    @Test
    void everyTableCellHasItsColumnsDeclaredType() {
        List<RunResult> results = new RecoverySweep(grid(Problem.COMPLETION)).execute(2, null, ProgressCallback.NONE);
        assertEquals(SweepTables.TYPES.keySet(), new java.util.HashSet<>(java.util.stream.Stream.concat(
                SweepTables.RUN_COLUMNS.stream(), SweepTables.SUMMARY_COLUMNS.stream()).toList()));
        for (RunResult r : results) {
            assertCellTypes(SweepTables.RUN_COLUMNS, SweepTables.runRow(r));
        }
        for (SweepSummary.Group g : SweepSummary.groups(results)) {
            assertCellTypes(SweepTables.SUMMARY_COLUMNS, SweepTables.summaryRow(g));
        }
    }

    private static void assertCellTypes(List<String> columns, List<Object> row) {
        assertEquals(columns.size(), row.size());
        for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            String column = columns.get(c);
            assertTrue(v == null || SweepTables.TYPES.get(column).isInstance(v),
                    () -> column + " holds " + v.getClass().getSimpleName());
        }
    }
}
