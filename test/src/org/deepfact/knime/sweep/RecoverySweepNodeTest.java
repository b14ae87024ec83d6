package org.deepfact.knime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepSummary;
import org.deepfact.engine.experiment.SweepTables;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.message.Message;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** The Recovery Sweep node against the command line's code path (RecoverySweep + SweepTables). */
class RecoverySweepNodeTest {

    private static RecoverySweepNodeModel node(final String problem, final String depths) {
        RecoverySweepNodeModel n = new RecoverySweepNodeFactory().createNodeModel();
        SweepSettings s = n.settings();
        s.m_problem.setStringValue(problem);
        s.m_rows.setIntValue(8);
        s.m_cols.setIntValue(7);
        s.m_rank.setIntValue(1);
        s.m_ms.setStringValue("30, 40");
        s.m_depths.setStringValue(depths);
        s.m_scales.setStringValue("1e-2");
        s.m_lrs.setStringValue("1e-2,3e-3");
        s.m_repeats.setIntValue(2);
        s.m_maxIterations.setLongValue(150);
        s.m_threads.setIntValue(2);
        s.m_seed.setLongValue(3);
        return n;
    }

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new RecoverySweepNodeFactory());
    }

    /** The grid ./deepfact reproduce builds for the same options (SweepCommand.grid()). */
    private static SweepGrid cliGrid(final Problem problem, final List<Integer> depths, final boolean nuclear) {
        return new SweepGrid(problem, 8, 7, 1, List.of(30, 40), depths, nuclear, List.of(1e-2), List.of(1e-2, 3e-3),
            2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 150, 1e-6, 1e-3, 3);
    }

    private static void assertSameCells(final List<List<Object>> expected, final BufferedDataTable table,
        final List<String> columns, final boolean skipSeconds) {
        List<DataCell[]> rows = NodeTestSupport.cells(table);
        assertEquals(expected.size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (skipSeconds && "seconds".equals(columns.get(c))) {
                    continue;
                }
                Object want = expected.get(r).get(c);
                DataCell got = rows.get(r)[c];
                String where = "row " + r + " column " + columns.get(c);
                if (want == null || want instanceof Double d && d.isNaN()) {
                    assertTrue(got.isMissing(), where + " is missing");
                } else if (want instanceof Double d) {
                    assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(((DoubleValue)got)
                        .getDoubleValue()), where + ": " + d + " vs " + got);
                } else if (want instanceof Integer i) {
                    assertEquals(i.intValue(), ((IntValue)got).getIntValue(), where);
                } else if (want instanceof Long l) {
                    assertEquals(l.longValue(), ((LongValue)got).getLongValue(), where);
                } else {
                    assertEquals(want.toString(), got.toString(), where);
                }
            }
        }
    }

    @Test
    void completionSweepIsBitIdenticalToTheCommandLinesCodePath() throws Exception {
        RecoverySweepNodeModel n = node("completion", "1,2,nuclear");
        ExecutionContext exec = exec();
        PortObjectSpec[] specs = n.configure(new PortObjectSpec[0]);
        PortObject[] out = n.execute(new PortObject[0], exec);
        NodeTestSupport.assertSameStructure((DataTableSpec)specs[0],
            ((BufferedDataTable)out[0]).getDataTableSpec());
        NodeTestSupport.assertSameStructure((DataTableSpec)specs[1],
            ((BufferedDataTable)out[1]).getDataTableSpec());
        assertEquals(SweepTables.RUN_COLUMNS, List.of(((BufferedDataTable)out[0]).getDataTableSpec().getColumnNames()));
        assertEquals(SweepTables.SUMMARY_COLUMNS,
            List.of(((BufferedDataTable)out[1]).getDataTableSpec().getColumnNames()));

        SweepGrid grid = cliGrid(Problem.COMPLETION, List.of(1, 2), true);
        assertEquals(grid, n.settings().toGrid());
        List<RunResult> cli = new RecoverySweep(grid).execute(1, null, ProgressCallback.NONE);
        // per m: 2 depths x 2 scales x 2 repeats, and the baseline once (the data are fixed per m, so its repeats agree)
        assertEquals(2 * (2 * 2 * 2 + 1), cli.size());
        assertSameCells(cli.stream().map(SweepTables::runRow).toList(), (BufferedDataTable)out[0],
            SweepTables.RUN_COLUMNS, true);
        assertSameCells(SweepSummary.groups(cli).stream().map(SweepTables::summaryRow).toList(),
            (BufferedDataTable)out[1], SweepTables.SUMMARY_COLUMNS, false);
    }

    /** With noise: the engine's noisy sweep, the held-out columns included, and the configured spec is the table's. */
    @Test
    void aNoisySweepIsBitIdenticalToTheCommandLinesCodePath() throws Exception {
        RecoverySweepNodeModel n = node("completion", "2,3,nuclear");
        n.settings().m_noise.setDoubleValue(0.1);
        n.settings().m_lrs.setStringValue("1e-2");
        PortObjectSpec[] specs = n.configure(new PortObjectSpec[0]);
        PortObject[] out = n.execute(new PortObject[0], exec());
        NodeTestSupport.assertSameStructure((DataTableSpec)specs[0], ((BufferedDataTable)out[0]).getDataTableSpec());
        NodeTestSupport.assertSameStructure((DataTableSpec)specs[1], ((BufferedDataTable)out[1]).getDataTableSpec());
        SweepGrid grid = new SweepGrid(Problem.COMPLETION, 8, 7, 1, List.of(30, 40), List.of(2, 3), true,
            List.of(1e-2), List.of(1e-2), 2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 150, 1e-6, 1e-3, 3)
            .withNoiseStd(0.1);
        assertEquals(grid, n.settings().toGrid());
        List<RunResult> cli = new RecoverySweep(grid).execute(1, null, ProgressCallback.NONE);
        assertSameCells(cli.stream().map(SweepTables::runRow).toList(), (BufferedDataTable)out[0],
            SweepTables.RUN_COLUMNS, true);
        assertSameCells(SweepSummary.groups(cli).stream().map(SweepTables::summaryRow).toList(),
            (BufferedDataTable)out[1], SweepTables.SUMMARY_COLUMNS, false);
        List<DataCell[]> rows = NodeTestSupport.cells((BufferedDataTable)out[0]);
        DataCell[] deep = rows.get(0);
        assertEquals(0.1, ((DoubleValue)deep[SweepTables.RUN_COLUMNS.indexOf("noise_std")]).getDoubleValue(), 0.0);
        assertTrue(((DoubleValue)deep[SweepTables.RUN_COLUMNS.indexOf("best_held_out_error")]).getDoubleValue()
            <= ((DoubleValue)deep[SweepTables.RUN_COLUMNS.indexOf("held_out_error")]).getDoubleValue());
        DataCell[] nuclear = rows.get(rows.size() - 1);
        assertEquals("nuclear", nuclear[SweepTables.RUN_COLUMNS.indexOf("method")].toString());
        assertTrue(nuclear[SweepTables.RUN_COLUMNS.indexOf("best_held_out_error")].isMissing());
        assertTrue(nuclear[SweepTables.RUN_COLUMNS.indexOf("best_held_out_iteration")].isMissing());
        assertFalse(nuclear[SweepTables.RUN_COLUMNS.indexOf("held_out_error")].isMissing());
    }

    @Test
    void sensingSweepIsBitIdenticalToTheCommandLinesCodePath() throws Exception {
        RecoverySweepNodeModel n = node("sensing", "2");
        n.settings().m_ms.setStringValue("30, 40");
        PortObject[] out = n.execute(new PortObject[0], exec());
        List<RunResult> cli = new RecoverySweep(cliGrid(Problem.SENSING, List.of(2), false)).execute(2, null,
            ProgressCallback.NONE);
        assertSameCells(cli.stream().map(SweepTables::runRow).toList(), (BufferedDataTable)out[0],
            SweepTables.RUN_COLUMNS, true);
        assertEquals("sensing", NodeTestSupport.cells((BufferedDataTable)out[0]).get(0)[0].toString());
    }

    @Test
    void aDivergedRunIsARowWithMissingMetricsAndOneWarning() throws Exception {
        RecoverySweepNodeModel n = node("completion", "2");
        n.settings().m_optimizer.setStringValue("gd");
        n.settings().m_lrs.setStringValue("1e3");
        n.settings().m_scales.setStringValue("1");
        n.settings().m_ms.setStringValue("30");
        n.settings().m_repeats.setIntValue(1);
        AtomicReference<String> warning = new AtomicReference<>();
        n.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        PortObject[] out = n.execute(new PortObject[0], exec());
        DataCell[] row = NodeTestSupport.cells((BufferedDataTable)out[0]).get(0);
        int stop = SweepTables.RUN_COLUMNS.indexOf("stop_reason");
        assertEquals("diverged", row[stop].toString());
        assertTrue(row[SweepTables.RUN_COLUMNS.indexOf("reconstruction_error")].isMissing());
        assertTrue(warning.get().startsWith("1 of 1 runs diverged"), warning.get());
    }

    @Test
    void badListsAreRejectedNamingTheDialogLabelAndKey() {
        String[][] cases = {
            {"depths", "", "'Depths (1 = fit W directly; 'nuclear' = min nuclear norm)' ('depths') is empty"},
            {"depths", "1,0", "('depths'): depth 0 is not >= 1"},
            {"depths", "two", "('depths'): 'two' is not a whole number or 'nuclear'"},
            {"init_scales", "1e-3,0", "'Initialisation scales s' ('init_scales'): 0 is not finite and > 0"},
            {"init_scales", "-1", "('init_scales'): -1 is not finite and > 0"},
            {"learning_rates", " ", "'Learning rates' ('learning_rates') is empty"},
            {"observations", "0", "('observations'): 0 is not >= 1"},
            {"observations", "2000", "Cannot observe m = 2000 distinct entries of a 8 x 7 matrix"},
            {"depths", "2,2", "Depth 2 is listed twice"},
            {"threads", "0", "'Parallel runs (threads)' (setting 'threads') must be in [1, 1024], got 0"},
            {"noise_std", "-0.5", "'Noise standard deviation' (setting 'noise_std') must be finite and >= 0, got -0.5"},
            {"noise_std", "NaN", "(setting 'noise_std') must be finite and >= 0, got NaN"},
        };
        for (String[] c : cases) {
            RecoverySweepNodeModel n = node("completion", "1,2,nuclear");
            SweepSettings s = n.settings();
            switch (c[0]) {
                case "depths" -> s.m_depths.setStringValue(c[1]);
                case "init_scales" -> s.m_scales.setStringValue(c[1]);
                case "learning_rates" -> s.m_lrs.setStringValue(c[1]);
                case "threads" -> s.m_threads.setIntValue(Integer.parseInt(c[1]));
                case "noise_std" -> s.m_noise.setDoubleValue(Double.parseDouble(c[1]));
                default -> s.m_ms.setStringValue(c[1]);
            }
            InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> n.configure(new PortObjectSpec[0]), c[1]);
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void cancelStopsTheSweep() {
        RecoverySweepNodeModel n = node("completion", "3");
        n.settings().m_maxIterations.setLongValue(1_000_000);
        n.settings().m_lossThreshold.setDoubleValue(0);
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        ExecutionContext exec = NodeTestSupport.exec(new RecoverySweepNodeFactory(), monitor);
        Thread canceler = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.setExecuteCanceled();
        });
        canceler.start();
        long start = System.nanoTime();
        assertThrows(CanceledExecutionException.class, () -> n.execute(new PortObject[0], exec));
        assertTrue((System.nanoTime() - start) * 1e-9 < 30, "canceled inside the runs");
    }

    @Test
    void aConnectedGroundTruthIsFittedByEveryRunExactlyAsTheEngineSweepOnIt() throws Exception {
        // 6 x 5 of rank 2 where the settings say 8 x 7 of rank 1: the input's shape and rank win
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(6, 5, 2, 11));
        for (String problem : new String[]{"completion", "sensing"}) {
            RecoverySweepNodeModel n = node(problem, "1,2,nuclear");
            n.settings().m_ms.setStringValue("12, 18");
            ExecutionContext exec = exec();
            BufferedDataTable in = NodeTestSupport.matrixTable(exec, truth);
            PortObjectSpec[] specs = n.configure(new PortObjectSpec[]{in.getDataTableSpec()});
            PortObject[] out = n.execute(new PortObject[]{in}, exec);
            for (int k = 0; k < 2; k++) {
                NodeTestSupport.assertSameStructure((DataTableSpec)specs[k],
                    ((BufferedDataTable)out[k]).getDataTableSpec());
            }
            Problem p = "sensing".equals(problem) ? Problem.SENSING : Problem.COMPLETION;
            SweepGrid grid = new SweepGrid(p, 6, 5, 2, List.of(12, 18), List.of(1, 2), true, List.of(1e-2),
                List.of(1e-2, 3e-3), 2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 150, 1e-6, 1e-3, 3);
            List<RunResult> direct = new RecoverySweep(grid, truth).execute(1, null, ProgressCallback.NONE);
            List<List<Object>> expected = direct.stream().map(r -> RecoverySweepNodeModel.runRow(r, true)).toList();
            assertSameCells(expected, (BufferedDataTable)out[0], SweepTables.RUN_COLUMNS, true);
            assertSameCells(SweepSummary.groups(direct).stream().map(SweepTables::summaryRow).toList(),
                (BufferedDataTable)out[1], SweepTables.SUMMARY_COLUMNS, false);
            DataCell[] first = NodeTestSupport.cells((BufferedDataTable)out[0]).get(0);
            assertEquals(6, ((IntValue)first[SweepTables.RUN_COLUMNS.indexOf("rows")]).getIntValue());
            assertEquals(5, ((IntValue)first[SweepTables.RUN_COLUMNS.indexOf("cols")]).getIntValue());
            assertEquals(2, ((IntValue)first[SweepTables.RUN_COLUMNS.indexOf("rank")]).getIntValue(),
                "the input's numerical rank");
            assertTrue(first[SweepTables.RUN_COLUMNS.indexOf("truth_seed")].isMissing(), "no truth was generated");
        }
    }

    @Test
    void aGroundTruthWithIntegerColumnsIsAccepted() throws Exception {
        RecoverySweepNodeModel n = node("completion", "1");
        n.settings().m_ms.setStringValue("3");
        n.settings().m_repeats.setIntValue(1);
        n.settings().m_lrs.setStringValue("1e-2");
        ExecutionContext exec = exec();
        DataTableSpec spec = new DataTableSpec(new String[]{"a", "b"}, new DataType[]{IntCell.TYPE, DoubleCell.TYPE});
        BufferedDataTable in = NodeTestSupport.table(exec, spec, new Object[]{1, 0.5}, new Object[]{-2, 3.0});
        PortObject[] out = n.execute(new PortObject[]{in}, exec);
        assertEquals(1, ((BufferedDataTable)out[0]).size());
        DataCell[] row = NodeTestSupport.cells((BufferedDataTable)out[0]).get(0);
        assertEquals(2, ((IntValue)row[SweepTables.RUN_COLUMNS.indexOf("rows")]).getIntValue());
    }

    @Test
    void theObservationCountsAreCheckedAgainstTheConnectedShapeNotTheSettings() throws Exception {
        RecoverySweepNodeModel n = node("completion", "1");
        n.settings().m_ms.setStringValue("100"); // more than the settings' 8 x 7, fewer than the input's 12 x 12
        assertThrows(InvalidSettingsException.class, () -> n.configure(new PortObjectSpec[]{null}));
        String[] names = new String[12];
        DataType[] types = new DataType[12];
        for (int j = 0; j < 12; j++) {
            names[j] = "c" + j;
            types[j] = DoubleCell.TYPE;
        }
        n.configure(new PortObjectSpec[]{new DataTableSpec(names, types)});
        n.settings().check();

        n.settings().m_ms.setStringValue("31");
        ExecutionContext exec = exec();
        BufferedDataTable small = NodeTestSupport.matrixTable(exec, GroundTruth.generate(GroundTruthSpec.of(6, 5, 2,
            1)));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> n.execute(new PortObject[]{small}, exec));
        assertTrue(e.getMessage().contains("Cannot observe m = 31 distinct entries of a 6 x 5 matrix"),
            e.getMessage());
    }

    @Test
    void aBadGroundTruthIsRejectedNamingTheColumnOrTheCell() {
        RecoverySweepNodeModel n = node("completion", "1");
        ExecutionContext exec = exec();
        DataTableSpec text = new DataTableSpec(new String[]{"x", "label"},
            new DataType[]{DoubleCell.TYPE, StringCell.TYPE});
        InvalidSettingsException s =
            assertThrows(InvalidSettingsException.class, () -> n.configure(new PortObjectSpec[]{text}));
        assertTrue(s.getMessage().contains("Column 'label' of the 'Ground truth' input (port 0) table has type"),
            s.getMessage());
        BufferedDataTable textTable = NodeTestSupport.table(exec, text, new Object[]{1.0, "a"});
        assertThrows(InvalidSettingsException.class, () -> n.execute(new PortObject[]{textTable}, exec));

        n.settings().m_ms.setStringValue("3");
        DataTableSpec two = new DataTableSpec(new String[]{"a", "b"}, new DataType[]{DoubleCell.TYPE,
            DoubleCell.TYPE});
        BufferedDataTable nan = NodeTestSupport.table(exec, two, new Object[]{1.0, 2.0}, new Object[]{3.0,
            Double.NaN});
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> n.execute(new PortObject[]{nan}, exec));
        assertTrue(e.getMessage().contains("Row 'Row1', column 'b'") && e.getMessage().contains("NaN"),
            e.getMessage());
        BufferedDataTable missing = NodeTestSupport.table(exec, two, new Object[]{null, 2.0},
            new Object[]{1.0, 2.0});
        e = assertThrows(InvalidInputException.class, () -> n.execute(new PortObject[]{missing}, exec));
        assertTrue(e.getMessage().contains("Row 'Row0', column 'a'"), e.getMessage());
        BufferedDataTable zero = NodeTestSupport.table(exec, two, new Object[]{0.0, 0.0}, new Object[]{0.0, 0.0});
        e = assertThrows(InvalidInputException.class, () -> n.execute(new PortObject[]{zero}, exec));
        assertTrue(e.getMessage().contains("matrix is zero"), e.getMessage());
        BufferedDataTable empty = NodeTestSupport.table(exec, two);
        e = assertThrows(InvalidInputException.class, () -> n.execute(new PortObject[]{empty}, exec));
        assertTrue(e.getMessage().contains("table has no rows"), e.getMessage());
    }

    @Test
    void aGroundTruthWhoseSweepDoesNotFitIntoMemoryIsRefusedBeforeItIsRead() {
        // 2 x 100 000: the factors of one depth-2 run alone are 5 * 2 * 10^10 doubles
        int cols = 100_000;
        String[] names = new String[cols];
        DataType[] types = new DataType[cols];
        Object[] row = new Object[cols];
        for (int j = 0; j < cols; j++) {
            names[j] = "c" + j;
            types[j] = DoubleCell.TYPE;
            row[j] = 1.0;
        }
        ExecutionContext exec = exec();
        BufferedDataTable wide = NodeTestSupport.table(exec, new DataTableSpec(names, types), row, row.clone());
        RecoverySweepNodeModel n = node("completion", "2");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
            () -> n.execute(new PortObject[]{wide}, exec));
        assertTrue(e.getMessage().contains("a sweep of 2 x 100000 completion problems on 2 thread(s)"),
            e.getMessage());
    }

    @Test
    void progressMessageHasAnEstimateOfTheTimeLeft() {
        assertEquals("3 / 7 runs done, about 0:20 left", RecoverySweepNodeModel.message(0.5, 3, 7, 20));
        assertEquals("0 / 7 runs done", RecoverySweepNodeModel.message(0, 0, 7, 1));
    }
}
