package org.deepfact.knime.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingResult;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.port.DeepFactorizationModelPortObject;
import org.deepfact.knime.port.ModelPortRoundTrip;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.deepfact.knime.testing.SettingsSnapshot;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.message.Message;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** The Learner's run summary, divergence policy and model port. */
class LearnerRunSummaryTest {

    private static final int ROWS = 6;
    private static final int COLS = 5;

    private static final EntriesFixture FIXTURE = new EntriesFixture(ROWS, COLS, (i, j) -> (1 + 0.5 * i) * (1 - 0.3 * j),
        Arrays.copyOf(EntriesFixture.positions(ROWS, COLS, (i, j) -> (i * 7 + j * 3) % 5), 18));

    private static DeepFactorizationLearnerNodeModel model() {
        DeepFactorizationLearnerNodeModel m = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        m.settings().depth(2).learningRate(1e-2).maxIterations(300).lossThreshold(1e-8).logEvery(50).topK(2)
            .seed(7).initScale(1e-2);
        return m;
    }

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new DeepFactorizationLearnerNodeFactory());
    }

    private static double num(final DataCell c) {
        return c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
    }

    @Test
    void runSummaryHasTheCliColumnsAndTheEngineNumbers() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        BufferedDataTable truth = NodeTestSupport.matrixTable(exec, "c", FIXTURE.truth());
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), truth, null}, exec);
        BufferedDataTable summary = (BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY];
        assertEquals(List.of("depth", "widths", "init", "init_scale", "optimizer", "lr", "seed", "iterations",
            "stop_reason", "train_loss", "test_error", "reconstruction_error", "nuclear_norm", "effective_rank",
            "seconds", "best_held_out_error", "best_held_out_iteration", "factorization"),
            Arrays.asList(summary.getDataTableSpec().getColumnNames()));
        List<DataCell[]> rows = NodeTestSupport.cells(summary);
        assertEquals(1, rows.size());
        DataCell[] r = rows.get(0);
        TrainingResult direct = Trainer.train(
            RecoveryProblem.completion(FIXTURE.observations()).withGroundTruth(new DMatrixRMaj(FIXTURE.truth())),
            m.settings().toTrainingConfig(), null);
        assertEquals("2", r[0].toString());
        assertEquals("5", r[1].toString(), "hidden width = columns");
        assertEquals("gaussian", r[2].toString());
        assertEquals(1e-2, num(r[3]));
        assertEquals("grouprmsprop", r[4].toString());
        assertEquals(1e-2, num(r[5]));
        assertEquals(7L, ((LongValue)r[6]).getLongValue());
        assertEquals(direct.iterations(), ((LongValue)r[7]).getLongValue());
        assertEquals(direct.stopReason().id(), r[8].toString());
        assertEquals(direct.last().trainLoss(), num(r[9]));
        assertTrue(r[10].isMissing(), "no held-out entries: test_error is missing");
        assertEquals(direct.last().reconstructionError(), num(r[11]));
        assertEquals(direct.last().nuclearNorm(), num(r[12]));
        assertEquals(direct.last().effectiveRank(), num(r[13]));
        assertTrue(num(r[14]) >= 0);
        assertTrue(r[15].isMissing() && r[16].isMissing(), "a ground truth is no held-out reference");
        assertEquals("general", r[17].toString(), "the default factorization");

        // the history ends with the same identifying cells
        DataCell[] h = NodeTestSupport.cells((BufferedDataTable)out[1]).get(0);
        assertArrayEquals(Arrays.copyOf(r, RunSummary.ID_COLUMNS),
            Arrays.copyOfRange(h, h.length - RunSummary.ID_COLUMNS, h.length));
    }

    /** Every summary column is a flow variable deepfact_<column> holding the row's value, bit for bit. */
    private static void assertVariablesEqualTheSummary(final DeepFactorizationLearnerNodeModel m, final DataCell[] r) {
        assertEquals(RunSummary.COLUMNS.size(), r.length);
        for (int c = 0; c < r.length; c++) {
            String column = RunSummary.COLUMNS.get(c);
            String name = "deepfact_" + column;
            if (r[c] instanceof StringValue) {
                assertEquals(((StringValue)r[c]).getStringValue(), m.peekFlowVariableString(name), name);
            } else if (r[c] instanceof IntValue) {
                assertEquals(((IntValue)r[c]).getIntValue(), m.peekFlowVariableInt(name), name);
            } else if (column.equals("seed")) {
                assertEquals(Long.toString(((LongValue)r[c]).getLongValue()), m.peekFlowVariableString(name), name);
            } else if (column.equals("best_held_out_iteration")) {
                assertEquals(r[c].isMissing() ? -1 : ((LongValue)r[c]).getLongValue(),
                    m.peekFlowVariableInt(name), name);
            } else if (column.equals("iterations")) {
                assertEquals(((LongValue)r[c]).getLongValue(), m.peekFlowVariableInt(name), name);
            } else {
                // a missing value is NaN
                assertEquals(Double.doubleToRawLongBits(num(r[c])),
                    Double.doubleToRawLongBits(m.peekFlowVariableDouble(name)), name);
            }
        }
    }

    @Test
    void theSummaryIsPushedAsFlowVariablesBitForBit() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().seed(1L << 40);
        ExecutionContext exec = exec();
        BufferedDataTable truth = NodeTestSupport.matrixTable(exec, "c", FIXTURE.truth());
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), truth, null}, exec);
        DataCell[] r = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY])
            .get(0);
        assertVariablesEqualTheSummary(m, r);
        assertEquals("1099511627776", m.peekFlowVariableString("deepfact_seed"), "the long seed, exact");
        assertTrue(m.peekFlowVariableDouble("deepfact_train_loss") > 0);
        assertTrue(Double.isNaN(m.peekFlowVariableDouble("deepfact_test_error")), "no held-out entries: NaN");
        assertThrows(java.util.NoSuchElementException.class, () -> m.peekFlowVariableInt("deepfact_train_loss"),
            "a Double variable");

        // a second run (here: diverged, reported) replaces every value, so a loop never sees a stale one
        m.settings().optimizer("gd").learningRate(1e3).initScale(1).onDivergence("report");
        out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        r = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY]).get(0);
        assertEquals("diverged", m.peekFlowVariableString("deepfact_stop_reason"));
        assertTrue(Double.isNaN(m.peekFlowVariableDouble("deepfact_reconstruction_error")));
        assertVariablesEqualTheSummary(m, r);
    }

    /** The best held-out point is the engine's BestRecord of the same run, in the table and as flow variables. */
    @Test
    void theBestHeldOutPointIsTheEnginesBestRecord() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().maxIterations(2000).logEvery(10);
        ExecutionContext exec = exec();
        // noisy observations: the fit to the noise turns the held-out error back up before the end
        double[][] truth = FIXTURE.truth();
        int[][] positions = FIXTURE.positions();
        Object[][] noisy = new Object[positions.length][];
        for (int k = 0; k < positions.length; k++) {
            int[] p = positions[k];
            noisy[k] = new Object[]{p[0], p[1], truth[p[0]][p[1]] + 0.3 * Math.sin(7.0 * k)};
        }
        boolean[][] seen = new boolean[ROWS][COLS];
        for (int[] p : positions) {
            seen[p[0]][p[1]] = true;
        }
        List<Object[]> held = new java.util.ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                if (!seen[i][j]) {
                    held.add(new Object[]{i, j, truth[i][j]});
                }
            }
        }
        BufferedDataTable observed = NodeTestSupport.table(exec, EntriesFixture.ENTRIES, noisy);
        BufferedDataTable heldOut = NodeTestSupport.table(exec, EntriesFixture.ENTRIES, held.toArray(new Object[0][]));
        PortObject[] out = m.execute(new PortObject[]{observed, heldOut, null}, exec);
        DataCell[] r = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY])
            .get(0);

        // the same run by the engine: the node's history rows are its records
        List<DataCell[]> history = NodeTestSupport.cells((BufferedDataTable)out[1]);
        long bestIteration = -1;
        double best = Double.POSITIVE_INFINITY;
        for (DataCell[] h : history) {
            double e = num(h[2]); // test_error = held-out error here
            if (e < best) {
                best = e;
                bestIteration = ((LongValue)h[0]).getLongValue();
            }
        }
        assertEquals(best, num(r[15]), "best_held_out_error: the minimum of the history's test_error");
        assertEquals(bestIteration, ((LongValue)r[16]).getLongValue(), "best_held_out_iteration: its first row");
        assertTrue(num(r[15]) < num(r[10]) && bestIteration < ((LongValue)r[7]).getLongValue(),
            "the noise is fitted after the best point: early stopping would stop before the end");
        assertEquals(bestIteration, m.peekFlowVariableInt("deepfact_best_held_out_iteration"));
        assertEquals(best, m.peekFlowVariableDouble("deepfact_best_held_out_error"));
        assertVariablesEqualTheSummary(m, r);

        // without a reference both are missing, and the iteration variable is -1
        out = m.execute(new PortObject[]{observed, null, null}, exec);
        r = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY]).get(0);
        assertTrue(r[15].isMissing() && r[16].isMissing());
        assertEquals(-1, m.peekFlowVariableInt("deepfact_best_held_out_iteration"));
        assertTrue(Double.isNaN(m.peekFlowVariableDouble("deepfact_best_held_out_error")));
    }

    @Test
    void longSingularValuesListEverySigmaOfEveryHistoryRowWithTheRunsIdentity() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        assertEquals(0, ((BufferedDataTable)out[6]).size(), "off by default");
        m.settings().longSingularValues(true);
        out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        BufferedDataTable sigma = (BufferedDataTable)out[6];
        assertEquals(List.of("iteration", "index", "singular_value", "depth", "widths", "init", "init_scale",
            "optimizer", "lr", "seed"), Arrays.asList(sigma.getDataTableSpec().getColumnNames()));
        double[][] wide = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        List<DataCell[]> rows = NodeTestSupport.cells(sigma);
        assertEquals(wide.length * 2, rows.size(), "top_k = 2 values per history row");
        for (int r = 0; r < rows.size(); r++) {
            double[] h = wide[r / 2];
            assertEquals(h[0], ((LongValue)rows.get(r)[0]).getLongValue());
            assertEquals(r % 2 + 1, Integer.parseInt(rows.get(r)[1].toString()));
            assertEquals(h[DeepFactorizationLearnerNodeModel.HISTORY_COLUMNS.length + r % 2], num(rows.get(r)[2]));
            assertEquals("2", rows.get(r)[3].toString());
        }
    }

    @Test
    void divergenceFailsByDefaultNamingTheDialogLabelAndIsReportedOnRequest() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().optimizer("gd").learningRate(1e3).initScale(1);
        ExecutionContext exec = exec();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec));
        assertTrue(e.getMessage().contains("Learning rate") && e.getMessage().contains("'on_divergence'")
            && e.getMessage().contains("If training diverges"), e.getMessage());

        m.settings().onDivergence("report");
        m.settings().entries().setShape(ROWS, COLS);
        AtomicReference<String> warning = new AtomicReference<>();
        m.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null});
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        assertTrue(warning.get().contains("diverged"), warning.get());
        for (int p = 0; p < 5; p++) {
            NodeTestSupport.assertSameStructure((DataTableSpec)specs[p],
                ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }
        DataCell[] r = NodeTestSupport.cells((BufferedDataTable)out[4]).get(0);
        assertEquals("diverged", r[8].toString());
        assertTrue(((LongValue)r[7]).getLongValue() > 0, "the iteration it was detected at");
        for (int c = 9; c <= 13; c++) {
            assertTrue(r[c].isMissing(), "metric " + RunSummary.COLUMNS.get(c) + " is missing");
        }
        double[][] matrix = NodeTestSupport.toArray((BufferedDataTable)out[0]);
        assertEquals(ROWS, matrix.length);
        assertTrue(Arrays.stream(matrix).flatMapToDouble(Arrays::stream).allMatch(Double::isNaN));
        assertEquals(0, ((BufferedDataTable)out[1]).size());
        assertEquals(0, ((BufferedDataTable)out[2]).size());
    }

    @Test
    void onDivergenceAcceptsOnlyFailOrReportAndOldSettingsLoadFail() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        NodeSettings s = new NodeSettings("s");
        m.settings().onDivergence("ignore");
        SettingsCalls.save(m, s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> SettingsCalls.validate(model(), s));
        assertTrue(e.getMessage().startsWith("'If training diverges' (setting 'on_divergence') must be one of [fail, "
            + "report], got 'ignore'"), e.getMessage());

        NodeSettings current = new NodeSettings("old");
        model().settings().saveTo(current);
        String text = SettingsSnapshot.write(current).lines()
            .filter(l -> !l.startsWith(LearnerSettings.KEY_ON_DIVERGENCE)).collect(Collectors.joining("\n"));
        NodeSettings without = SettingsSnapshot.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        DeepFactorizationLearnerNodeModel loaded = model();
        loaded.settings().onDivergence("report");
        SettingsCalls.validate(loaded, without);
        SettingsCalls.load(loaded, without);
        assertTrue(!loaded.settings().reportDivergence(), "absent on_divergence loads its default, fail");
    }

    @Test
    void modelSurvivesSaveAndLoadAndHoldsTheCompletedMatrixBitForBit() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)out[5];
        DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(model);
        assertEquals(model, back);
        assertArrayEquals(NodeTestSupport.toArray((BufferedDataTable)out[0]), EntriesFixture.toArray(back.matrix()));
        assertEquals(2, back.factors().size());
        assertEquals("converged".equals(back.info().get("stop_reason")) || "max_iterations".equals(
            back.info().get("stop_reason")), true);
    }

    @Test
    void aModelTooLargeToStoreIsRefusedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DeepFactorizationModelPortObject.requireStorable(5000, 5000, new int[]{5000, 5000, 5000}));
        assertTrue(e.getMessage().contains("75000000 numbers"), e.getMessage());
    }
}
