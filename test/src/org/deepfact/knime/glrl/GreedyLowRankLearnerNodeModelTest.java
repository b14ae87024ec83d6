package org.deepfact.knime.glrl;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.greedy.GreedyLowRank;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class GreedyLowRankLearnerNodeModelTest {

    private static final int ROWS = 6;
    private static final int COLS = 5;

    /** A rank-2 6 x 5 target, fully observed. */
    private static final EntriesFixture FULL = new EntriesFixture(ROWS, COLS,
        (i, j) -> (1 + 0.5 * i) * (1 - 0.3 * j) + 0.5 * Math.cos(i) * (j - 2),
        EntriesFixture.positions(ROWS, COLS, (i, j) -> 1));

    private static GreedyLowRankLearnerNodeModel model() {
        GreedyLowRankLearnerNodeModel m = new GreedyLowRankLearnerNodeFactory().createNodeModel();
        m.settings().epsilon(1e-8).learningRate(1).lossThreshold(1e-6).checkEvery(500).logEvery(50);
        return m;
    }

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new GreedyLowRankLearnerNodeFactory());
    }

    private static double num(final DataCell c) {
        return c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
    }

    @Test
    void configureReturnsTheSpecsExecuteProduces() throws Exception {
        GreedyLowRankLearnerNodeModel m = model();
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null});
        assertNull(specs[0], "index keys without explicit shape: column count comes from the data");
        assertArrayEquals(new String[]{"iteration", "glrl_rank", "train_loss", "reconstruction_error",
            "numerical_rank", "sigma_1", "sigma_2", "sigma_3", "sigma_4", "sigma_5", "sigma_6", "sigma_7", "sigma_8",
            "sigma_9", "sigma_10"}, ((DataTableSpec)specs[1]).getColumnNames());
        assertArrayEquals(new String[]{"glrl_rank", "iterations", "end_iteration", "train_loss",
            "reconstruction_error"}, ((DataTableSpec)specs[2]).getColumnNames());
        m.settings().entries().setShape(ROWS, COLS);
        ExecutionContext exec = exec();
        BufferedDataTable truth = NodeTestSupport.matrixTable(exec, "c", FULL.truth());
        specs = m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, truth.getDataTableSpec()});
        PortObject[] out = m.execute(new PortObject[]{FULL.table(exec), truth}, exec);
        for (int p = 0; p < 4; p++) {
            assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }
    }

    /** Rank 2 in two phases, the rank growing phase by phase, and the engine's numbers bit for bit. */
    @Test
    void aFullyObservedRankTwoMatrixTakesTwoPhasesAndMatchesTheEngine() throws Exception {
        GreedyLowRankLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        BufferedDataTable truth = NodeTestSupport.matrixTable(exec, "c", FULL.truth());
        PortObject[] out = m.execute(new PortObject[]{FULL.table(exec), truth}, exec);

        GreedyLowRank.Result direct = m.settings().toGreedyLowRank(ROWS, COLS).run(
            RecoveryProblem.completion(FULL.observations()).withGroundTruth(new DMatrixRMaj(FULL.truth())), null);
        assertEquals(2, direct.phases().size());
        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()), NodeTestSupport.toArray((BufferedDataTable)out[0]));

        List<DataCell[]> phases = NodeTestSupport.cells((BufferedDataTable)out[2]);
        assertEquals(2, phases.size(), "rank 2 in 2 phases");
        long end = 0;
        for (int p = 0; p < 2; p++) {
            GreedyLowRank.Phase e = direct.phases().get(p);
            DataCell[] r = phases.get(p);
            assertEquals(p + 1, ((IntValue)r[0]).getIntValue());
            assertEquals(e.iterations(), ((LongValue)r[1]).getLongValue());
            end += e.iterations();
            assertEquals(end, ((LongValue)r[2]).getLongValue());
            assertEquals(e.trainLoss(), num(r[3]));
            assertEquals(e.reconstructionError(), num(r[4]));
        }
        assertTrue(num(phases.get(1)[3]) <= 1e-6, "the second phase reaches the loss threshold");
        assertTrue(num(phases.get(0)[3]) > 1e-3, "rank one cannot fit a rank-2 matrix");

        List<DataCell[]> history = NodeTestSupport.cells((BufferedDataTable)out[1]);
        assertEquals(direct.points().size(), history.size());
        int rank = 1;
        for (int h = 0; h < history.size(); h++) {
            GreedyLowRank.Point e = direct.points().get(h);
            DataCell[] r = history.get(h);
            assertEquals(e.iteration(), ((LongValue)r[0]).getLongValue());
            int rowRank = ((IntValue)r[1]).getIntValue();
            assertTrue(rowRank == rank || rowRank == rank + 1, "the rank grows one phase at a time");
            rank = rowRank;
            assertEquals(e.rank(), rowRank);
            assertEquals(e.trainLoss(), num(r[2]));
            assertEquals(e.reconstructionError(), num(r[3]));
            assertEquals(e.numericalRank(), ((IntValue)r[4]).getIntValue());
            double[] s = e.topSingularValues();
            for (int k = 0; k < GreedyLowRankLearnerNodeModel.SIGMAS; k++) {
                DataCell c = r[GreedyLowRankLearnerNodeModel.HISTORY_COLUMNS.length + k];
                if (k < s.length) {
                    assertEquals(s[k], num(c));
                } else {
                    assertTrue(c.isMissing(), "a 6 x 5 matrix has 5 singular values");
                }
            }
        }
        assertEquals(2, rank);
        assertEquals(2, ((IntValue)history.get(history.size() - 1)[4]).getIntValue(), "numerical rank 2 at the end");
        assertEquals(2, m.peekFlowVariableInt("deepfact_glrl_rank"));
        assertEquals(direct.iterations(), m.peekFlowVariableInt("deepfact_iterations"));
        assertEquals(direct.phases().get(1).trainLoss(), m.peekFlowVariableDouble("deepfact_train_loss"));
    }

    @Test
    void theRankCapStopsWithAWarningAndMissingReferenceIsMissing() throws Exception {
        GreedyLowRankLearnerNodeModel m = model();
        m.settings().maxRank(1);
        java.util.concurrent.atomic.AtomicReference<String> warning = new java.util.concurrent.atomic.AtomicReference<>();
        m.addWarningListener(w -> warning.set(org.knime.core.node.message.Message.getSummaryFrom(w)));
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{FULL.table(exec), null}, exec);
        assertEquals(1, ((BufferedDataTable)out[2]).size());
        assertTrue(warning.get().startsWith("Stopped at rank 1 (the rank cap, setting 'max_rank')"), warning.get());
        assertTrue(NodeTestSupport.cells((BufferedDataTable)out[1]).stream().allMatch(r -> r[3].isMissing()),
            "no ground truth: reconstruction_error is missing");
        assertTrue(Double.isNaN(m.peekFlowVariableDouble("deepfact_reconstruction_error")));
    }

    @Test
    void badSettingsAndInputsGiveSpecificErrors() throws Exception {
        GreedyLowRankLearnerNodeModel m = model();
        m.settings().checkEvery(120);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null}));
        assertTrue(e.getMessage().startsWith("'Plateau check every (iterations)' (setting 'check_every') must be a "
            + "multiple of 'Record history every' (setting 'log_every') = 50, got 120"), e.getMessage());
        m.settings().checkEvery(500).maxIterations(100);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null}));
        assertTrue(e.getMessage().startsWith("'Maximum iterations per phase' (setting 'max_iterations') must be >= "
            + "'Plateau check every (iterations)' (setting 'check_every') = 500, got 100"), e.getMessage());
        m.settings().maxIterations(1000).epsilon(0);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null}));
        assertTrue(e.getMessage().contains("'epsilon'"), e.getMessage());
        m.settings().epsilon(1e-8);
        // held-out entries instead of a ground truth
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, EntriesFixture.ENTRIES}));
        assertTrue(e.getMessage().contains("held-out entries are not supported"), e.getMessage());
        // a ground-truth matrix needs index keys and the column count of the setting
        DataTableSpec truth = NodeTestSupport.matrixTable(exec(), "c", FULL.truth()).getDataTableSpec();
        m.settings().entries().setShape(0, COLS + 1);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, truth}));
        assertEquals("Setting 'cols' = 6 but the ground-truth matrix has 5 columns", e.getMessage());
        m.settings().entries().setShape(0, 0);
        m.settings().entries().setIdMode(true);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, truth}));
        assertEquals("A ground-truth matrix (port 'Ground truth', 1) needs 0-based index keys: set 'key_mode' to "
            + "'index'", e.getMessage());
        m.settings().entries().setIdMode(false);
        // a learning rate that diverges names the setting
        m.settings().learningRate(1e3);
        ExecutionContext exec = exec();
        IllegalStateException d = assertThrows(IllegalStateException.class,
            () -> m.execute(new PortObject[]{FULL.table(exec), null}, exec));
        assertTrue(d.getMessage().contains("'learning_rate' = 1000.0"), d.getMessage());
    }

    @Test
    void cancellationStopsTheRunWithinAFractionOfASecond() throws Exception {
        GreedyLowRankLearnerNodeModel m = model();
        m.settings().lossThreshold(0).plateauTolerance(0).maxIterations(Integer.MAX_VALUE);
        EntriesFixture big = new EntriesFixture(40, 40, (i, j) -> Math.sin(1.3 * i * j + i),
            EntriesFixture.positions(40, 40, (i, j) -> 1));
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        ExecutionContext exec = NodeTestSupport.exec(new GreedyLowRankLearnerNodeFactory(), monitor);
        BufferedDataTable in = big.table(exec);
        NodeTestSupport.assertCancelsPromptly(monitor, () -> m.execute(new PortObject[]{in, null}, exec));
    }

    /** W = 0 meets the threshold: no phase, and the loss and error of W = 0 rather than NaN. */
    @Test
    void alreadyFittedDataRunNoPhaseAndReportTheLossOfZero() throws Exception {
        ExecutionContext exec = exec();
        double[][] truth = FULL.truth();
        double sumSquares = 0;
        for (double[] row : truth) {
            for (double v : row) {
                sumSquares += v * v;
            }
        }
        double zeroLoss = sumSquares / (ROWS * COLS); // fully observed: the mean over all entries
        GreedyLowRankLearnerNodeModel m = model();
        m.settings().lossThreshold(2 * zeroLoss);
        PortObject[] out = m.execute(new PortObject[]{FULL.table(exec),
            NodeTestSupport.matrixTable(exec, "c", truth)}, exec);
        assertEquals(0, ((BufferedDataTable)out[1]).size(), "no history");
        assertEquals(0, ((BufferedDataTable)out[2]).size(), "no phase");
        for (double[] row : NodeTestSupport.toArray((BufferedDataTable)out[0])) {
            assertArrayEquals(new double[COLS], row);
        }
        assertEquals(0, m.peekFlowVariableInt("deepfact_glrl_rank"));
        assertEquals(0, m.peekFlowVariableInt("deepfact_iterations"));
        assertEquals(zeroLoss, m.peekFlowVariableDouble("deepfact_train_loss"), 1e-12 * zeroLoss);
        assertEquals(zeroLoss, m.peekFlowVariableDouble("deepfact_reconstruction_error"), 1e-12 * zeroLoss);

        EntriesFixture zeros = new EntriesFixture(ROWS, COLS, (i, j) -> 0,
            EntriesFixture.positions(ROWS, COLS, (i, j) -> (i + j) % 2));
        GreedyLowRankLearnerNodeModel z = model();
        z.execute(new PortObject[]{zeros.table(exec), null}, exec);
        assertEquals(0.0, z.peekFlowVariableDouble("deepfact_train_loss"), "all-zero observations: loss 0");
        assertTrue(Double.isNaN(z.peekFlowVariableDouble("deepfact_reconstruction_error")), "no ground truth");
    }

    @Test
    void theIterationsFlowVariableSaturatesInsteadOfFailingAFinishedRun() {
        assertEquals(0, GreedyLowRankLearnerNodeModel.saturatedInt(0));
        assertEquals(Integer.MAX_VALUE, GreedyLowRankLearnerNodeModel.saturatedInt(Integer.MAX_VALUE));
        // e.g. 3 phases of the largest per-phase cap
        assertEquals(Integer.MAX_VALUE, GreedyLowRankLearnerNodeModel.saturatedInt(3L * Integer.MAX_VALUE));
    }

    /** Cap 2, two chunks a phase: each phase fills its half of the bar chunk by chunk, never backwards. */
    @Test
    void progressMovesWithinAPhaseAndNeverRunsBackwards() {
        double[] seen = new double[8];
        String[] messages = new String[8];
        int[] n = {0};
        GreedyLowRankLearnerNodeModel.PhaseProgress p = new GreedyLowRankLearnerNodeModel.PhaseProgress(
            new org.deepfact.engine.ProgressCallback() {
                @Override
                public void progress(final double fraction, final String message) {
                    messages[n[0]] = message;
                    seen[n[0]++] = fraction;
                }

                @Override
                public boolean isCanceled() {
                    return false;
                }
            }, 2, 2);
        p.progress(0.5, "iteration 250 / 500"); // phase 1, chunk 1 half done: 0.5 / 2 chunks / 2 ranks
        p.progress(1.0, "stopped: max_iterations after 500 iterations");
        p.progress(0.2, "iteration 100 / 500"); // phase 1, chunk 2
        p.progress(1.0, "stopped: max_iterations after 500 iterations");
        p.progress(0.5, "GLRL rank 1: loss 0.1");
        p.progress(0.9, "iteration 450 / 500"); // phase 2, chunk 1
        p.progress(0.2, "iteration 100 / 500"); // a chunk's fraction can fall (its loss rose): held
        p.progress(1.0, "GLRL rank 2: loss 1e-7");
        assertArrayEquals(new double[]{0.125, 0.25, 0.3, 0.5, 0.5, 0.725, 0.725, 1.0}, seen, 1e-15);
        assertEquals("iteration 450 / 500", messages[5]);

        // a phase that plateaus after its first chunk jumps to the phase end
        n[0] = 0;
        GreedyLowRankLearnerNodeModel.PhaseProgress q = new GreedyLowRankLearnerNodeModel.PhaseProgress(
            new org.deepfact.engine.ProgressCallback() {
                @Override
                public void progress(final double fraction, final String message) {
                    seen[n[0]++] = fraction;
                }

                @Override
                public boolean isCanceled() {
                    return false;
                }
            }, 4, 10);
        q.progress(1.0, "stopped: converged after 500 iterations");
        q.progress(0.25, "GLRL rank 1: loss 0.1");
        assertArrayEquals(new double[]{0.025, 0.25}, java.util.Arrays.copyOf(seen, 2), 1e-15);
    }
}
