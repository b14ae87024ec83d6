package org.deepfact.knime.nuclear;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.baseline.SensingConstraints;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.deepfact.engine.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.message.Message;

class NuclearNormCompletionNodeModelTest {

    private static final DataTableSpec ENTRIES = EntriesFixture.ENTRIES;

    private static final int N = 6;

    /** Rank-1 6 x 6 target, observed where (i + 2 j) % 3 != 0. */
    private static final EntriesFixture FIXTURE = new EntriesFixture(N, N, (i, j) -> (1 + 0.4 * i) * (1 - 0.2 * j),
        EntriesFixture.positions(N, N, (i, j) -> (i + 2 * j) % 3));

    private static BufferedDataTable observed(final ExecutionContext exec) {
        return FIXTURE.table(exec);
    }

    private static NuclearNormCompletionNodeModel model() {
        NuclearNormCompletionNodeModel m = new NuclearNormCompletionNodeFactory().createNodeModel();
        m.settings().tolerance(1e-5).maxIterations(3000);
        return m;
    }

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new NuclearNormCompletionNodeFactory());
    }

    @Test
    void configureSpecsMatchExecuteAndNumbersEqualTheSolver() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        assertNull(m.configure(new PortObjectSpec[]{ENTRIES, null})[0]);
        m.settings().entries().setShape(N, N);
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{ENTRIES, null});
        assertArrayEquals(new String[]{"method", "converged", "iterations", "primal_residual", "dual_residual",
            "nuclear_norm", "max_violation", "seconds", "stop_reason", "train_loss", "effective_rank"},
            ((DataTableSpec)specs[1]).getColumnNames());
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{observed(exec), null}, exec);
        for (int p = 0; p < 3; p++) {
            assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }
        NuclearNormResult direct = new NuclearNormSolver(m.settings().toConfig()).solve(RecoveryProblem.completion(FIXTURE.observations()),
            org.deepfact.engine.ProgressCallback.NONE);
        double[][] expected = EntriesFixture.toArray(direct.solution());
        assertArrayEquals(expected, NodeTestSupport.toArray((BufferedDataTable)out[0]));
        DataCell[] report = NodeTestSupport.cells((BufferedDataTable)out[1]).get(0);
        assertEquals(direct.report().method(), ((StringValue)report[0]).getStringValue());
        assertEquals(direct.report().converged(), ((BooleanValue)report[1]).getBooleanValue());
        assertEquals(direct.report().iterations(), ((IntValue)report[2]).getIntValue());
        assertEquals(direct.report().nuclearNorm(), ((DoubleCell)report[5]).getDoubleValue());
        assertEquals(direct.report().converged() ? "converged" : "max_iterations", report[8].toString());
        assertEquals(RecoveryProblem.completion(FIXTURE.observations())
            .meanSquaredResidual(direct.solution()), ((DoubleCell)report[9]).getDoubleValue());
        assertEquals(Spectrum.of(direct.solution()).effectiveRank(),
            ((DoubleCell)report[10]).getDoubleValue());
    }

    @Test
    void theReportIsPushedAsFlowVariablesBitForBitExceptConverged() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{observed(exec), null}, exec);
        DataCell[] report = NodeTestSupport.cells((BufferedDataTable)out[1]).get(0);
        String[] columns = NuclearNormCompletionNodeModel.REPORT_COLUMNS;
        for (int c = 0; c < columns.length; c++) {
            String name = "deepfact_" + columns[c];
            if (report[c] instanceof BooleanValue) {
                assertEquals("converged", columns[c], "only the boolean column is not a variable");
                assertThrows(java.util.NoSuchElementException.class, () -> m.peekFlowVariableString(name));
                assertThrows(java.util.NoSuchElementException.class, () -> m.peekFlowVariableInt(name));
            } else if (report[c] instanceof StringValue) {
                assertEquals(((StringValue)report[c]).getStringValue(), m.peekFlowVariableString(name), name);
            } else if (report[c] instanceof IntValue) {
                assertEquals(((IntValue)report[c]).getIntValue(), m.peekFlowVariableInt(name), name);
            } else {
                assertEquals(Double.doubleToRawLongBits(((DoubleCell)report[c]).getDoubleValue()),
                    Double.doubleToRawLongBits(m.peekFlowVariableDouble(name)), name);
            }
        }
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        m.settings().epsilon(0.01).equality(true).entries().setIdMode(true);
        NodeSettings saved = new NodeSettings("s");
        SettingsCalls.save(m, saved);
        for (String key : new String[]{"epsilon", "equality", "tolerance", "max_iterations", "row_column",
            "column_column", "value_column", "key_mode", "rows", "cols"}) {
            assertTrue(saved.containsKey(key), key);
        }
        NuclearNormCompletionNodeModel other = new NuclearNormCompletionNodeFactory().createNodeModel();
        SettingsCalls.validate(other, saved);
        SettingsCalls.load(other, saved);
        NodeSettings again = new NodeSettings("s");
        SettingsCalls.save(other, again);
        assertEquals(saved.toString(), again.toString());
        assertEquals(0.0, other.settings().toConfig().epsilon(), "equality means epsilon 0");

        for (String[] bad : new String[][]{{"epsilon", "-1"}, {"tolerance", "0"}, {"tolerance", "1"}}) {
            NodeSettings s = new NodeSettings("s");
            saved.copyTo(s);
            s.addDouble(bad[0], Double.parseDouble(bad[1]));
            InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> SettingsCalls.validate(other, s));
            assertTrue(e.getMessage().contains("'" + bad[0] + "'"), e.getMessage());
        }
        NodeSettings s = new NodeSettings("s");
        saved.copyTo(s);
        s.addInt("max_iterations", 0);
        InvalidSettingsException cap =
            assertThrows(InvalidSettingsException.class, () -> SettingsCalls.validate(other, s));
        assertTrue(cap.getMessage().contains("'max_iterations'"), cap.getMessage());
    }

    @Test
    void psdSettingRoundTripsAndGivesAPsdMinimumTraceMatrix() throws Exception {
        // rank-1 PSD target a a^T, the same observed positions
        EntriesFixture psdFixture = new EntriesFixture(N, N, (i, j) -> (1 + 0.4 * i) * (1 + 0.4 * j),
            EntriesFixture.positions(N, N, (i, j) -> (i + 2 * j) % 3));
        NuclearNormCompletionNodeModel m = model();
        assertEquals(false, m.settings().psd(), "off by default");
        m.settings().psd(true);
        NodeSettings saved = new NodeSettings("s");
        SettingsCalls.save(m, saved);
        assertTrue(saved.getBoolean(NuclearNormSettings.KEY_PSD));
        NuclearNormCompletionNodeModel other = new NuclearNormCompletionNodeFactory().createNodeModel();
        SettingsCalls.validate(other, saved);
        SettingsCalls.load(other, saved);
        assertTrue(other.settings().psd());
        assertTrue(other.settings().toConfig().psd());

        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{psdFixture.table(exec), null}, exec);
        double[][] x = NodeTestSupport.toArray((BufferedDataTable)out[0]);
        NuclearNormResult direct = new NuclearNormSolver(m.settings().toConfig())
            .solve(RecoveryProblem.completion(psdFixture.observations()), org.deepfact.engine.ProgressCallback.NONE);
        assertArrayEquals(EntriesFixture.toArray(direct.solution()), x);
        DMatrixRMaj solution = new DMatrixRMaj(x);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(x[i][j], x[j][i], 0.0, "symmetric");
            }
        }
        org.ejml.interfaces.decomposition.EigenDecomposition_F64<DMatrixRMaj> eig =
            org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(N, false, true);
        assertTrue(eig.decompose(solution.copy()));
        for (int k = 0; k < N; k++) {
            assertTrue(eig.getEigenvalue(k).real >= -1e-9, "PSD: eigenvalue " + eig.getEigenvalue(k).real);
        }
        DataCell[] report = NodeTestSupport.cells((BufferedDataTable)out[1]).get(0);
        assertTrue(((StringValue)report[0]).getStringValue().endsWith("minimum trace over PSD"), report[0].toString());
        assertEquals(org.ejml.dense.row.CommonOps_DDRM.trace(solution), ((DoubleCell)report[5]).getDoubleValue(),
            1e-4, "nuclear_norm is the trace");

        m.settings().entries().setShape(N, N + 1);
        InvalidSettingsException wide =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{ENTRIES, null}));
        assertEquals("'Constrain to PSD (minimum trace)' (setting 'psd') needs a square matrix, got 6 x 7; uncheck it",
            wide.getMessage());
        m.settings().entries().setShape(0, 0);
        BufferedDataTable rectangular = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, 2, 2.0});
        InvalidSettingsException atExecute = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{rectangular, null}, exec));
        assertTrue(atExecute.getMessage().contains("needs a square matrix, got 2 x 3; uncheck it"),
            atExecute.getMessage());
    }

    @Test
    void psdInIdModeIgnoresALeftoverRectangularShapeAndChecksTheKeys() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        m.settings().psd(true);
        m.settings().entries().setShape(3, 4); // left over from index mode; ignored in ID mode
        m.settings().entries().setIdMode(true);
        m.settings().entries().setColumns("user", "item", "rating");
        DataTableSpec spec = new DataTableSpec(new String[]{"user", "item", "rating"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});
        ExecutionContext exec = exec();
        // 2 row keys x 2 column keys: square
        BufferedDataTable square = NodeTestSupport.table(exec, spec, new Object[]{"al", "a", 1.0},
            new Object[]{"bob", "b", 1.0}, new Object[]{"al", "b", 0.5});
        m.configure(new PortObjectSpec[]{spec, null});
        PortObject[] out = m.execute(new PortObject[]{square, null}, exec);
        assertEquals(2, ((BufferedDataTable)out[0]).size());
        assertEquals(2, ((BufferedDataTable)out[0]).getDataTableSpec().getNumColumns());

        BufferedDataTable wide = NodeTestSupport.table(exec, spec, new Object[]{"al", "a", 1.0},
            new Object[]{"bob", "b", 1.0}, new Object[]{"al", "c", 0.5});
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{wide, null}, exec));
        assertTrue(e.getMessage().contains("(setting 'psd') needs a square matrix, got 2 x 3; uncheck it"),
            e.getMessage());
    }

    @Test
    void badInputsAndIterationCap() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        DataTableSpec noValue = new DataTableSpec(new String[]{"row", "column", "y"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{noValue, null}));
        assertTrue(e.getMessage().contains("value_column"), e.getMessage());
        ExecutionContext exec = exec();
        BufferedDataTable nan = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, 1, Double.NaN});
        Exception x = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{nan, null}, exec));
        assertTrue(x.getMessage().contains("Row1") && x.getMessage().contains("'value'"), x.getMessage());

        m.settings().maxIterations(3).tolerance(1e-12);
        m.settings().entries().setShape(N + 1, 0);
        AtomicReference<String> warning = new AtomicReference<>();
        m.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        m.execute(new PortObject[]{observed(exec), null}, exec);
        assertNotNull(warning.get());
        assertTrue(warning.get().startsWith("1 of 7 matrix rows and 0 of 6 columns have no observed entry")
            && warning.get().contains("; Stopped at the iteration cap (max_iterations = 3)"), warning.get());
    }

    @Test
    void idKeysAreMappedAndCancellationIsHonoured() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        m.settings().entries().setIdMode(true);
        m.settings().entries().setColumns("user", "item", "rating");
        DataTableSpec spec = new DataTableSpec(new String[]{"user", "item", "rating"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});
        ExecutionContext exec = exec();
        BufferedDataTable in = NodeTestSupport.table(exec, spec, new Object[]{"bob", "b", 1.0},
            new Object[]{"al", "a", 2.0}, new Object[]{"bob", "a", 3.0});
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{spec, null});
        assertNull(specs[0], "arbitrary keys: the column count depends on the data");
        PortObject[] out = m.execute(new PortObject[]{in, null}, exec);
        for (int p = 1; p < 3; p++) {
            assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }
        List<DataCell[]> map = NodeTestSupport.cells((BufferedDataTable)out[2]);
        assertEquals("al", ((StringValue)map.get(0)[1]).getStringValue());
        assertEquals("bob", ((StringValue)map.get(1)[1]).getStringValue());
        assertEquals(2, ((BufferedDataTable)out[0]).size());

        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        ExecutionContext canceled = NodeTestSupport.exec(new NuclearNormCompletionNodeFactory(), monitor);
        NuclearNormCompletionNodeModel fresh = model();
        assertThrows(CanceledExecutionException.class,
            () -> fresh.execute(new PortObject[]{observed(exec), null}, canceled));
    }

    @Test
    void sensingProblemInputMatchesTheSolver() throws Exception {
        NuclearNormCompletionNodeModel m = model();
        m.settings().maxIterations(300);
        SensingOperator op = SensingOperator.gaussian(N, N, 24, 5);
        double[] y = op.measure(new DMatrixRMaj(FIXTURE.truth()));
        SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec(N, 24, 5);
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{null, spec});
        assertEquals(N, ((DataTableSpec)specs[0]).getNumColumns());
        InvalidSettingsException both =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{ENTRIES, spec}));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{null, new SensingProblemPortObject(spec, N, y)}, exec);
        for (int p = 0; p < 3; p++) {
            assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }
        DMatrixRMaj x = new NuclearNormSolver(m.settings().toConfig())
            .solve(new SensingConstraints(op), y, org.deepfact.engine.ProgressCallback.NONE).solution();
        assertArrayEquals(EntriesFixture.toArray(x), NodeTestSupport.toArray((BufferedDataTable)out[0]));

        m.settings().entries().setShape(0, N + 1);
        InvalidSettingsException cols =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{null, spec}));
        assertTrue(cols.getMessage().contains("'cols' = 7 but the sensing problem has 6 columns"), cols.getMessage());
        m.settings().entries().setShape(N + 1, 0);
        InvalidSettingsException rows = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{null, new SensingProblemPortObject(spec, N, y)}, exec));
        assertTrue(rows.getMessage().contains("'rows' = 7 but the sensing problem has 6 rows"), rows.getMessage());
    }

    @Test
    void memoryCheckNamesShapeNeededAndAvailableWithoutAllocating() {
        // index keys with an explicit shape far beyond any heap: the check fails before the solver allocates
        NuclearNormCompletionNodeModel m = model();
        m.settings().entries().setShape(200_000_000, 5_000);
        ExecutionContext exec = exec();
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
            () -> m.execute(new PortObject[]{observed(exec), null}, exec));
        assertMemoryMessage(e.getMessage(), "200000000 x 5000");

        SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec(5_000, 10, 5);
        SensingProblemPortObject huge = new SensingProblemPortObject(spec, 200_000_000, new double[10]);
        e = assertThrows(InsufficientMemoryException.class,
            () -> model().execute(new PortObject[]{null, huge}, exec));
        assertMemoryMessage(e.getMessage(), "200000000 x 5000");
    }

    /** Asserts "Not enough memory for ... shape ...: needs X GiB, only Y ... available". */
    static void assertMemoryMessage(final String message, final String shape) {
        assertTrue(message.contains(shape), message);
        assertTrue(message.matches("(?s).*needs \\d+(\\.\\d)? [KMGTPE]iB, only \\d+(\\.\\d)? ([KMGTPE]i)?B of Java heap "
            + "available.*"), message);
    }
}
