package org.deepfact.knime.learner;

import static org.deepfact.knime.testing.NodeTestSupport.assertBounds;
import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.TrainingResult;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.message.Message;

class DeepFactorizationLearnerNodeModelTest {

    private static final DataTableSpec ENTRIES = EntriesFixture.ENTRIES;

    private static final int ROWS = 6;
    private static final int COLS = 5;

    /** Rank-1 6 x 5 target u v^T, observed at the first 18 positions where (7 i + 3 j) % 5 != 0. */
    private static final EntriesFixture FIXTURE = new EntriesFixture(ROWS, COLS, (i, j) -> (1 + 0.5 * i) * (1 - 0.3 * j),
        Arrays.copyOf(EntriesFixture.positions(ROWS, COLS, (i, j) -> (i * 7 + j * 3) % 5), 18));

    private static BufferedDataTable observed(final ExecutionContext exec) {
        return FIXTURE.table(exec);
    }

    private static Observations observations() {
        return FIXTURE.observations();
    }

    private static DeepFactorizationLearnerNodeModel model() {
        DeepFactorizationLearnerNodeModel m = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        m.settings().depth(2).optimizer("grouprmsprop").learningRate(1e-2).maxIterations(400).lossThreshold(1e-8)
            .logEvery(50).topK(3).seed(7).initScale(1e-2);
        return m;
    }

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new DeepFactorizationLearnerNodeFactory());
    }

    @Test
    void configureReturnsTheSpecsExecuteProduces() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{ENTRIES, null});
        assertNull(specs[0], "index keys without explicit shape: column count comes from the data");
        DataTableSpec history = (DataTableSpec)specs[1];
        assertArrayEquals(new String[]{"iteration", "train_loss", "test_error", "nuclear_norm", "schatten_2_over_n",
            "effective_rank", "step_size", "gradient_norm", "sigma_1", "sigma_2", "sigma_3", "depth", "widths", "init",
            "init_scale", "optimizer", "lr", "seed"}, history.getColumnNames());
        assertArrayEquals(new String[]{"factor", "row", "column", "value"},
            ((DataTableSpec)specs[2]).getColumnNames());
        assertArrayEquals(new String[]{"axis", "key", "index"}, ((DataTableSpec)specs[3]).getColumnNames());

        m.settings().entries().setShape(ROWS, COLS);
        specs = m.configure(new PortObjectSpec[]{ENTRIES, null});
        assertEquals(COLS, ((DataTableSpec)specs[0]).getNumColumns());
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{observed(exec), null}, exec);
        for (int p = 0; p < 7; p++) {
            if (p != 5) {
                assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(),
                    "port " + p);
            }
        }
        assertEquals(specs[5], out[5].getSpec(), "model port");
        // a Line Plot of the history scales its axes to the bounds the container computed
        final BufferedDataTable logged = (BufferedDataTable)out[1];
        final double[][] rows = toArray(logged);
        final double[] loss = Arrays.stream(rows).mapToDouble(r -> r[1]).sorted().toArray();
        assertBounds(logged, "iteration", rows[0][0], rows[rows.length - 1][0]);
        assertBounds(logged, "train_loss", loss[0], loss[loss.length - 1]);
    }

    @Test
    void executeIsBitIdenticalToADirectEngineCall() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().entries().setShape(ROWS, COLS); // row 5 is never observed
        AtomicReference<String> warning = new AtomicReference<>();
        m.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{observed(exec), null}, exec);
        assertTrue(warning.get().startsWith("1 of 6 matrix rows and 0 of 5 columns have no observed entry: the data "
            + "do not determine their completed values; Stopped at the iteration cap"), warning.get());
        TrainingResult direct = Trainer.train(RecoveryProblem.completion(observations()),
            m.settings().toTrainingConfig(), null);

        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()), NodeTestSupport.toArray((BufferedDataTable)out[0]));
        double[][] history = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        assertEquals(direct.history().size(), history.length);
        for (int r = 0; r < history.length; r++) {
            HistoryRecord h = direct.history().get(r);
            assertEquals(h.iteration(), history[r][0]);
            assertEquals(h.trainLoss(), history[r][1]);
            assertTrue(Double.isNaN(history[r][2]), "no reference: test error is a missing cell");
            assertEquals(h.nuclearNorm(), history[r][3]);
            assertEquals(h.topSingularValues()[0], history[r][8]);
        }
        double[][] factors = NodeTestSupport.toArray((BufferedDataTable)out[2]);
        assertEquals(COLS * COLS + ROWS * COLS, factors.length, "W_1 is 5 x 5, W_2 is 6 x 5");
        for (double[] f : factors) {
            assertEquals(direct.factor((int)f[0]).get((int)f[1], (int)f[2]), f[3]);
        }
        List<DataCell[]> mapping = NodeTestSupport.cells((BufferedDataTable)out[3]);
        assertEquals(ROWS + COLS, mapping.size(), "index keys: identity mapping of rows then columns");
        assertEquals("column", ((StringValue)mapping.get(ROWS)[0]).getStringValue());
        assertEquals(0, ((IntValue)mapping.get(ROWS)[1]).getIntValue());
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().width(4).init("orthogonal").threads(2).outputFactors(false).entries().setIdMode(true);
        NodeSettings saved = new NodeSettings("s");
        SettingsCalls.save(m, saved);
        for (String key : new String[]{"depth", "width", "init", "init_scale", "optimizer", "learning_rate",
            "max_iterations", "loss_threshold", "log_every", "top_k", "threads", "seed", "output_factors",
            "row_column", "column_column", "value_column", "key_mode", "rows", "cols"}) {
            assertTrue(saved.containsKey(key), key);
        }
        DeepFactorizationLearnerNodeModel other = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        SettingsCalls.validate(other, saved);
        SettingsCalls.load(other, saved);
        NodeSettings again = new NodeSettings("s");
        SettingsCalls.save(other, again);
        assertEquals(saved.toString(), again.toString());
        assertEquals(4, other.settings().width());
        assertTrue(other.settings().entries().isIdMode());

        assertInvalid(saved, s -> s.addInt("depth", 0), "depth");
        assertInvalid(saved, s -> s.addString("optimizer", "sgdx"), "optimizer");
        assertInvalid(saved, s -> s.addString("init", "zeros"), "init");
        assertInvalid(saved, s -> s.addDouble("learning_rate", 0), "learning_rate");
        assertInvalid(saved, s -> s.addDouble("init_scale", Double.NaN), "init_scale");
        assertInvalid(saved, s -> s.addInt("log_every", 0), "log_every");
        assertInvalid(saved, s -> s.addString("key_mode", "names"), "key_mode");
        assertInvalid(saved, s -> s.addInt("threads", 0), "threads");
    }

    private interface Edit {
        void apply(NodeSettings s);
    }

    private static void assertInvalid(final NodeSettings base, final Edit edit, final String key) {
        NodeSettings s = new NodeSettings("s");
        base.copyTo(s);
        edit.apply(s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> SettingsCalls.validate(new DeepFactorizationLearnerNodeFactory().createNodeModel(), s));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void missingColumnFailsInConfigureNamingColumnAndSetting() {
        DeepFactorizationLearnerNodeModel m = model();
        DataTableSpec noValue = new DataTableSpec(new String[]{"row", "column", "rating"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{noValue, null}));
        assertTrue(e.getMessage().contains("value") && e.getMessage().contains("value_column"), e.getMessage());

        DataTableSpec stringKeys = new DataTableSpec(new String[]{"row", "column", "value"},
            new DataType[]{StringCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{stringKeys, null}));
        assertTrue(e.getMessage().contains("key_mode"), e.getMessage());
        m.settings().entries().setIdMode(true);
        assertDoesNotThrow(() -> m.configure(new PortObjectSpec[]{stringKeys, null}));

        InvalidSettingsException none =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{null, null}));
        assertTrue(none.getMessage().contains("port 'Observed entries' (0)"), none.getMessage());
    }

    private static void assertDoesNotThrow(final org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }

    @Test
    void nanMissingAndDuplicateEntriesAreErrorsNamingRowAndColumn() {
        DeepFactorizationLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        BufferedDataTable nan = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, 1, Double.NaN});
        Exception e = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{nan, null}, exec));
        assertTrue(e.getMessage().contains("Row1") && e.getMessage().contains("'value'"), e.getMessage());

        BufferedDataTable missing = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, null, 2.0});
        e = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{missing, null}, exec));
        assertTrue(e.getMessage().contains("Row1") && e.getMessage().contains("'column'"), e.getMessage());

        BufferedDataTable duplicate = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, 1, 2.0}, new Object[]{0, 0, 3.0});
        e = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{duplicate, null}, exec));
        assertTrue(e.getMessage().contains("Row0") && e.getMessage().contains("Row2"), e.getMessage());

        m.settings().entries().setIdMode(true);
        DataTableSpec ids = new DataTableSpec(new String[]{"row", "column", "value"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});
        BufferedDataTable dupIds = NodeTestSupport.table(exec, ids, new Object[]{"a", "x", 1.0},
            new Object[]{"b", "x", 2.0}, new Object[]{"a", "x", 3.0});
        e = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{dupIds, null}, exec));
        assertTrue(e.getMessage().contains("Row0") && e.getMessage().contains("Row2"), e.getMessage());
    }

    @Test
    void divergenceNamesTheLearningRate() {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().optimizer("gd").learningRate(1e3).initScale(1);
        ExecutionContext exec = exec();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> m.execute(new PortObject[]{observed(exec), null}, exec));
        assertTrue(e.getMessage().contains("learning rate 1000") && e.getMessage().contains("learning_rate"),
            e.getMessage());
    }

    @Test
    void iterationCapGivesAWarning() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().maxIterations(5).lossThreshold(0);
        AtomicReference<String> warning = new AtomicReference<>();
        m.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{observed(exec), null}, exec);
        assertNotNull(warning.get());
        assertTrue(warning.get().contains("max_iterations = 5"), warning.get());
        double[][] history = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        assertEquals(5.0, history[history.length - 1][0]);

        DeepFactorizationLearnerNodeModel converging = model();
        converging.settings().lossThreshold(1e-1);
        AtomicReference<String> none = new AtomicReference<>();
        converging.addWarningListener(w -> none.set(Message.getSummaryFrom(w)));
        converging.execute(new PortObject[]{observed(exec), null}, exec);
        assertNull(none.get(), "no warning when the loss threshold is reached");
    }

    @Test
    void cancellationStopsTrainingWithinAFractionOfASecond() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().maxIterations(Integer.MAX_VALUE).lossThreshold(0).learningRate(1e-4).logEvery(1_000_000);
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        ExecutionContext exec = NodeTestSupport.exec(new DeepFactorizationLearnerNodeFactory(), monitor);
        BufferedDataTable in = observed(exec);
        NodeTestSupport.assertCancelsPromptly(monitor, () -> m.execute(new PortObject[]{in, null}, exec));
        String message = monitor.getMessage();
        assertTrue(message != null && message.matches("iteration \\d+ / 2147483647, loss \\d\\.\\d{3}e[-+]\\d+"),
            "fractional progress with a message, got: " + message);
        assertTrue(monitor.getProgress() != null && monitor.getProgress() > 0, "progress " + monitor.getProgress());
    }

    @Test
    void stringIdsAreMappedInSortedOrder() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().entries().setIdMode(true);
        DataTableSpec spec = new DataTableSpec(new String[]{"user", "item", "rating"},
            new DataType[]{StringCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        m.settings().entries().setColumns("user", "item", "rating");
        ExecutionContext exec = exec();
        // users u2, u10, u1 (sorted as text: u1, u10, u2); items 30, 4 (sorted numerically: 4, 30)
        BufferedDataTable in = NodeTestSupport.table(exec, spec, new Object[]{"u2", 30, 4.0},
            new Object[]{"u10", 4, 2.0}, new Object[]{"u1", 30, 3.0}, new Object[]{"u2", 4, 1.0});
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{spec, null});
        assertNull(specs[0], "arbitrary keys: the column count depends on the data");
        assertEquals(StringCell.TYPE, ((DataTableSpec)specs[3]).getColumnSpec("key").getType());
        PortObject[] out = m.execute(new PortObject[]{in, null}, exec);
        for (int p = 1; p < 4; p++) {
            assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec(), "port " + p);
        }

        List<DataCell[]> map = NodeTestSupport.cells((BufferedDataTable)out[3]);
        String[] expected = {"row u1 0", "row u10 1", "row u2 2", "column 4 0", "column 30 1"};
        assertEquals(expected.length, map.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], map.get(k)[0] + " " + map.get(k)[1] + " " + map.get(k)[2]);
        }
        // same numbers as the engine on the mapped indices: (u2,30)->(2,1), (u10,4)->(1,0), (u1,30)->(0,1), (u2,4)->(2,0)
        Observations obs = Observations.of(3, 2, new int[]{2, 1, 0, 2}, new int[]{1, 0, 1, 0},
            new double[]{4, 2, 3, 1});
        TrainingResult direct = Trainer.train(RecoveryProblem.completion(obs), m.settings().toTrainingConfig(), null);
        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()), NodeTestSupport.toArray((BufferedDataTable)out[0]));
    }

    @Test
    void integerIdsKeepTheirTypeAndSortNumerically() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().entries().setIdMode(true);
        ExecutionContext exec = exec();
        BufferedDataTable in = NodeTestSupport.table(exec, ENTRIES, new Object[]{100, 7, 1.0},
            new Object[]{5, 3, 2.0}, new Object[]{42, 7, 3.0});
        PortObject[] out = m.execute(new PortObject[]{in, null}, exec);
        DataTableSpec mapSpec = ((BufferedDataTable)out[3]).getDataTableSpec();
        assertEquals(IntCell.TYPE, mapSpec.getColumnSpec("key").getType());
        List<DataCell[]> map = NodeTestSupport.cells((BufferedDataTable)out[3]);
        int[][] keyIndex = new int[map.size()][];
        for (int k = 0; k < keyIndex.length; k++) {
            keyIndex[k] = new int[]{((IntValue)map.get(k)[1]).getIntValue(), ((IntValue)map.get(k)[2]).getIntValue()};
        }
        assertArrayEquals(new int[][]{{5, 0}, {42, 1}, {100, 2}, {3, 0}, {7, 1}}, keyIndex);
        assertEquals(2, ((BufferedDataTable)out[0]).getDataTableSpec().getNumColumns());
        assertEquals(3, ((BufferedDataTable)out[0]).size());
    }

    @Test
    void groundTruthAndHeldOutInputsGiveTheTestError() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        ExecutionContext exec = exec();
        double[][] truth = FIXTURE.truth();
        BufferedDataTable truthTable = NodeTestSupport.matrixTable(exec, "c", truth);
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{ENTRIES, truthTable.getDataTableSpec()});
        assertEquals(COLS, ((DataTableSpec)specs[0]).getNumColumns(), "ground truth fixes the column count");
        // the checks the Greedy Low-Rank Learner shares (EntriesInput.checkGroundTruthSpec)
        m.settings().entries().setShape(0, COLS + 1);
        InvalidSettingsException wide = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{ENTRIES, truthTable.getDataTableSpec()}));
        assertEquals("Setting 'cols' = " + (COLS + 1) + " but the ground-truth matrix has " + COLS + " columns",
            wide.getMessage());
        m.settings().entries().setShape(0, 0);
        m.settings().entries().setIdMode(true);
        InvalidSettingsException id = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{ENTRIES, truthTable.getDataTableSpec()}));
        assertEquals("A ground-truth matrix (port 'Ground truth or held-out entries', 1) needs 0-based index keys: "
            + "set 'key_mode' to 'index'; or give held-out entries (columns 'row', 'column' and 'value'), which ID "
            + "keys allow", id.getMessage());
        m.settings().entries().setIdMode(false);
        PortObject[] out = m.execute(new PortObject[]{observed(exec), truthTable}, exec);
        TrainingResult direct = Trainer.train(
            RecoveryProblem.completion(observations()).withGroundTruth(new DMatrixRMaj(truth)),
            m.settings().toTrainingConfig(), null);
        double[][] history = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        for (int r = 0; r < history.length; r++) {
            assertEquals(direct.history().get(r).reconstructionError(), history[r][2]);
        }
        assertTrue(history[history.length - 1][2] < history[0][2], "training reduces the reconstruction error");

        // held-out entries: the unobserved positions
        List<Object[]> held = new ArrayList<>();
        boolean[][] seen = new boolean[ROWS][COLS];
        for (int[] p : FIXTURE.positions()) {
            seen[p[0]][p[1]] = true;
        }
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                if (!seen[i][j]) {
                    held.add(new Object[]{i, j, truth[i][j]});
                }
            }
        }
        BufferedDataTable heldTable = NodeTestSupport.table(exec, ENTRIES, held.toArray(new Object[0][]));
        out = m.execute(new PortObject[]{observed(exec), heldTable}, exec);
        history = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        assertTrue(Double.isFinite(history[history.length - 1][2]));
        assertTrue(history[history.length - 1][2] < history[0][2], "held-out MSE falls");

        m.settings().entries().setIdMode(true);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{ENTRIES, truthTable.getDataTableSpec()}));
        assertTrue(e.getMessage().contains("key_mode"), e.getMessage());
    }

    @Test
    void sensingProblemInputMatchesTheEngine() throws Exception {
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().maxIterations(100);
        double[][] truth = FIXTURE.truth();
        SensingOperator op = SensingOperator.gaussian(ROWS, COLS, 20, 11);
        double[] y = op.measure(new DMatrixRMaj(truth));
        SensingProblemPortObjectSpec spec =
            new SensingProblemPortObjectSpec(COLS, 20, 11);
        SensingProblemPortObject sensing =
            new SensingProblemPortObject(spec, ROWS, y);
        PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{null, null, spec});
        assertEquals(COLS, ((DataTableSpec)specs[0]).getNumColumns(), "the sensing spec knows the column count");
        InvalidSettingsException both = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{ENTRIES, null, spec}));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());

        ExecutionContext exec = exec();
        BufferedDataTable truthTable = NodeTestSupport.matrixTable(exec, "c", truth);
        PortObject[] out = m.execute(new PortObject[]{null, truthTable, sensing}, exec);
        TrainingResult direct = Trainer.train(
            RecoveryProblem.sensing(op, y).withGroundTruth(new DMatrixRMaj(truth)), m.settings().toTrainingConfig(),
            null);
        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()), NodeTestSupport.toArray((BufferedDataTable)out[0]));
        double[][] history = NodeTestSupport.toArray((BufferedDataTable)out[1]);
        assertEquals(direct.last().reconstructionError(), history[history.length - 1][2]);
        assertEquals(ROWS + COLS, ((BufferedDataTable)out[3]).size());
    }

    @Test
    void memoryCheckNamesShapeNeededAndAvailableWithoutAllocating() {
        // a 200 000 000 x 5 matrix from an explicit shape: factors and end-to-end copies far beyond any heap
        DeepFactorizationLearnerNodeModel m = model();
        m.settings().entries().setShape(200_000_000, COLS);
        ExecutionContext exec = exec();
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
            () -> m.execute(new PortObject[]{observed(exec), null}, exec));
        assertTrue(e.getMessage().contains("depth-2 factorization of a 200000000 x 5 matrix"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*needs \\d+(\\.\\d)? [KMGTPE]iB, only \\d+(\\.\\d)? ([KMGTPE]i)?B "
            + "of Java heap available.*"), e.getMessage());
    }

    @Test
    void explicitShapeMustFitASensingProblemWhoseOperatorCountsInTheMemoryCheck() {
        DeepFactorizationLearnerNodeModel m = model();
        SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec(COLS, 20, 11);
        m.settings().entries().setShape(0, COLS + 1);
        InvalidSettingsException cols =
            assertThrows(InvalidSettingsException.class, () -> m.configure(new PortObjectSpec[]{null, null, spec}));
        assertTrue(cols.getMessage().contains("'cols' = 6 but the sensing problem has 5 columns"), cols.getMessage());

        m.settings().entries().setShape(ROWS + 1, 0);
        ExecutionContext exec = exec();
        SensingProblemPortObject sensing = new SensingProblemPortObject(spec, ROWS, new double[20]);
        InvalidSettingsException rows = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{null, null, sensing}, exec));
        assertTrue(rows.getMessage().contains("'rows' = 7 but the sensing problem has 6 rows"), rows.getMessage());

        m.settings().entries().setShape(0, 0);
        SensingProblemPortObject huge = new SensingProblemPortObject(spec, 200_000_000, new double[20]);
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
            () -> m.execute(new PortObject[]{null, null, huge}, exec));
        assertTrue(e.getMessage().contains("depth-2 factorization of a 200000000 x 5 matrix and its sensing operator"),
            e.getMessage());
    }

    @Test
    void heldOutErrorsWithASensingProblemNameTheHeldOutInput() {
        DeepFactorizationLearnerNodeModel m = model();
        SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec(COLS, 20, 11);
        SensingProblemPortObject sensing = new SensingProblemPortObject(spec, ROWS,
            SensingOperator.gaussian(ROWS, COLS, 20, 11).measure(new DMatrixRMaj(FIXTURE.truth())));
        ExecutionContext exec = exec();
        BufferedDataTable nan = NodeTestSupport.table(exec, ENTRIES, new Object[]{0, 0, 1.0},
            new Object[]{1, 1, Double.NaN});
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> m.execute(new PortObject[]{null, nan, sensing}, exec));
        assertTrue(e.getMessage().contains("Row1") && e.getMessage().contains("'value'"), e.getMessage());
        BufferedDataTable outside = NodeTestSupport.table(exec, ENTRIES, new Object[]{ROWS, 0, 1.0});
        e = assertThrows(InvalidInputException.class,
            () -> m.execute(new PortObject[]{null, outside, sensing}, exec));
        assertTrue(e.getMessage().contains("6 x 5 matrix"), e.getMessage());
        BufferedDataTable empty = NodeTestSupport.table(exec, ENTRIES);
        e = assertThrows(InvalidInputException.class, () -> m.execute(new PortObject[]{null, empty, sensing}, exec));
        assertTrue(e.getMessage().contains("held-out entries") && !e.getMessage().contains("observed"),
            e.getMessage());
    }
}
