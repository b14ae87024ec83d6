package org.deepfact.knime.learner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.Kernels;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.train.BestRecord;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.InitialisationOverflowException;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.StopReason;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.TrainingResult;
import org.deepfact.knime.completion.CompletionTables;
import org.deepfact.knime.completion.EntriesInput;
import org.deepfact.knime.completion.EntriesSettings;
import org.deepfact.knime.completion.KeyIndex;
import org.deepfact.knime.completion.ProblemInput;
import org.deepfact.knime.port.DeepFactorizationModelPortObject;
import org.deepfact.knime.port.DeepFactorizationModelPortObjectSpec;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.deepfact.knime.common.Cells;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Deep Matrix Factorization Learner. Thin: reads the entries (and the optional reference) into
 * a {@link RecoveryProblem}, calls {@link Trainer#train} once with a progress/cancel callback,
 * writes the completed matrix, the training history, the factors and the key-to-index mapping.
 */
public final class DeepFactorizationLearnerNodeModel extends StatelessNodeModel<LearnerSettings> {

    /** Input port indices. */
    static final int IN_ENTRIES = 0;
    static final int IN_REFERENCE = 1;
    static final int IN_SENSING = 2;

    /** Output port indices. */
    static final int OUT_MATRIX = 0;
    static final int OUT_HISTORY = 1;
    static final int OUT_FACTORS = 2;
    static final int OUT_MAPPING = 3;
    static final int OUT_SUMMARY = 4;
    static final int OUT_MODEL = 5;
    static final int OUT_SINGULAR_VALUES = 6;

    static final String[] SINGULAR_VALUE_COLUMNS = {"iteration", "index", "singular_value"};

    /** Port names as the node description shows them, for messages. */
    static final String PORT_ENTRIES = "Observed entries";
    static final String PORT_REFERENCE = "Ground truth or held-out entries";
    static final String PORT_SENSING = "Sensing problem";

    static final String[] HISTORY_COLUMNS = {"iteration", "train_loss", "test_error", "nuclear_norm",
        "schatten_2_over_n", "effective_rank", "step_size", "gradient_norm"};

    static final String SIGMA_PREFIX = "sigma_";

    static final String[] FACTOR_COLUMNS = {"factor", "row", "column", "value"};

    DeepFactorizationLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL,
            SensingProblemPortObject.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                BufferedDataTable.TYPE, BufferedDataTable.TYPE, DeepFactorizationModelPortObject.TYPE,
                BufferedDataTable.TYPE},
            new LearnerSettings());
    }

    // ---- specs ----

    /** History columns, sigma_1 .. sigma_k, then the run's identifying columns (depth .. seed of the summary). */
    static DataTableSpec historySpec(final int topK) {
        DataColumnSpec[] cols = new DataColumnSpec[HISTORY_COLUMNS.length + topK + RunSummary.ID_COLUMNS];
        cols[0] = new DataColumnSpecCreator(HISTORY_COLUMNS[0], LongCell.TYPE).createSpec();
        for (int c = 1; c < HISTORY_COLUMNS.length; c++) {
            cols[c] = new DataColumnSpecCreator(HISTORY_COLUMNS[c], DoubleCell.TYPE).createSpec();
        }
        for (int k = 0; k < topK; k++) {
            cols[HISTORY_COLUMNS.length + k] =
                new DataColumnSpecCreator(SIGMA_PREFIX + (k + 1), DoubleCell.TYPE).createSpec();
        }
        System.arraycopy(RunSummary.columnSpecs(RunSummary.ID_COLUMNS), 0, cols, HISTORY_COLUMNS.length + topK,
            RunSummary.ID_COLUMNS);
        return new DataTableSpec(cols);
    }

    /** Long form of the history's singular values, then the run's identifying columns. */
    static DataTableSpec singularValuesSpec() {
        DataColumnSpec[] cols = new DataColumnSpec[SINGULAR_VALUE_COLUMNS.length + RunSummary.ID_COLUMNS];
        cols[0] = new DataColumnSpecCreator(SINGULAR_VALUE_COLUMNS[0], LongCell.TYPE).createSpec();
        cols[1] = new DataColumnSpecCreator(SINGULAR_VALUE_COLUMNS[1], IntCell.TYPE).createSpec();
        cols[2] = new DataColumnSpecCreator(SINGULAR_VALUE_COLUMNS[2], DoubleCell.TYPE).createSpec();
        System.arraycopy(RunSummary.columnSpecs(RunSummary.ID_COLUMNS), 0, cols, SINGULAR_VALUE_COLUMNS.length,
            RunSummary.ID_COLUMNS);
        return new DataTableSpec(cols);
    }

    static DataTableSpec factorsSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(FACTOR_COLUMNS[0], IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(FACTOR_COLUMNS[1], IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(FACTOR_COLUMNS[2], IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(FACTOR_COLUMNS[3], DoubleCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings().checkSymmetric(); // before the engine's message, which names no setting
        try {
            settings().toTrainingConfig();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        EntriesSettings es = settings().entries();
        DataTableSpec entries = (DataTableSpec)inSpecs[IN_ENTRIES];
        DataTableSpec reference = inSpecs.length > IN_REFERENCE ? (DataTableSpec)inSpecs[IN_REFERENCE] : null;
        SensingProblemPortObjectSpec sensing =
            inSpecs.length > IN_SENSING ? (SensingProblemPortObjectSpec)inSpecs[IN_SENSING] : null;
        if (entries == null && sensing == null) {
            throw new InvalidSettingsException("Connect the observed entries table to input port '" + PORT_ENTRIES
                + "' (" + IN_ENTRIES + ") or a sensing problem to input port '" + PORT_SENSING + "' (" + IN_SENSING
                + ")");
        }
        if (entries != null && sensing != null) {
            throw new InvalidSettingsException("Connect either observed entries (port '" + PORT_ENTRIES + "', "
                + IN_ENTRIES + ") or a sensing problem (port '" + PORT_SENSING + "', " + IN_SENSING + "), not both");
        }
        if (sensing != null && es.isIdMode()) {
            throw new InvalidSettingsException("A sensing problem has 0-based matrix indices: set '"
                + EntriesSettings.KEY_KEY_MODE + "' to 'index'");
        }
        if (entries != null) {
            EntriesInput.checkEntriesSpec(entries, es, EntriesInput.OBSERVED);
        }
        Integer cols = sensing != null ? Integer.valueOf(sensing.cols())
            : es.isIdMode() || es.cols() == 0 ? null : Integer.valueOf(es.cols());
        if (sensing != null) {
            EntriesInput.checkSensingShape(es, 0, sensing.cols());
        }
        if (reference != null) {
            if (EntriesInput.looksLikeEntries(reference, es)) {
                EntriesInput.checkEntriesSpec(reference, es, EntriesInput.HELD_OUT);
            } else {
                // no entries columns: read as a ground-truth matrix
                cols = EntriesInput.checkGroundTruthSpec(reference, es, cols, "'" + PORT_REFERENCE + "', "
                    + IN_REFERENCE, "; or give held-out entries (columns '" + es.rowColumn() + "', '"
                        + es.columnColumn() + "' and '" + es.valueColumn() + "'), which ID keys allow");
            }
        }
        if (!es.isIdMode() && es.rows() > 0 && es.cols() > 0) {
            TrainingConfig config = settings().toTrainingConfig();
            settings().checkSquare(es.rows(), es.cols());
            settings().checkInitCondition(Trainer.factorDims(es.rows(), es.cols(), config));
        }
        DataType keyType = entries == null ? CompletionTables.mappingKeyType(es, null, null)
            : CompletionTables.mappingKeyType(es, entries.getColumnSpec(es.rowColumn()).getType(),
                entries.getColumnSpec(es.columnColumn()).getType());
        return new PortObjectSpec[]{cols == null ? null : MatrixTable.spec(cols),
            historySpec(settings().topK()), factorsSpec(), CompletionTables.mappingSpec(keyType), RunSummary.spec(),
            modelSpec(), singularValuesSpec()};
    }

    private DeepFactorizationModelPortObjectSpec modelSpec() {
        return new DeepFactorizationModelPortObjectSpec(settings().depth(),
            settings().entries().isIdMode() ? DeepFactorizationModelPortObjectSpec.KEYS_ID
                : DeepFactorizationModelPortObjectSpec.KEYS_INDEX, settings().factorization());
    }

    // ---- execute ----

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        PortObjectSpec[] inSpecs = new PortObjectSpec[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            inSpecs[i] = inObjects[i] == null ? null : inObjects[i].getSpec();
        }
        PortObjectSpec[] outSpecs = configure(inSpecs);
        EntriesSettings es = settings().entries();
        BufferedDataTable entries = (BufferedDataTable)inObjects[IN_ENTRIES];
        BufferedDataTable reference = inObjects.length > IN_REFERENCE ? (BufferedDataTable)inObjects[IN_REFERENCE]
            : null;

        exec.setMessage("reading the input tables");
        ExecutionMonitor readMon = exec.createSubProgress(0.02);
        DMatrixRMaj truth = null;
        BufferedDataTable heldOut = null;
        if (reference != null) {
            if (EntriesInput.looksLikeEntries(reference.getDataTableSpec(), es)) {
                heldOut = reference;
            } else {
                truth = MatrixTable.read(reference, "ground-truth matrix", readMon);
            }
        }
        SensingProblemPortObject sensing =
            inObjects.length > IN_SENSING ? (SensingProblemPortObject)inObjects[IN_SENSING] : null;
        TrainingConfig config = settings().toTrainingConfig();
        ProblemInput input = ProblemInput.read(entries, heldOut, truth, sensing, es,
            (rows, cols, operatorDoubles) -> checkMemory(rows, cols, config, operatorDoubles), readMon);
        List<String> warnings = new ArrayList<>(input.warnings());
        KeyIndex rowKeys = input.rowKeys();
        KeyIndex colKeys = input.colKeys();
        final RecoveryProblem toSolve = input.problem();
        settings().checkSquare(toSolve.rows(), toSolve.cols());
        final int[] dims = Trainer.factorDims(toSolve.rows(), toSolve.cols(), config);
        settings().checkInitCondition(dims);
        String modelNotStored = null;
        try {
            DeepFactorizationModelPortObject.requireStorable(toSolve.rows(), toSolve.cols(), dims);
        } catch (IllegalArgumentException e) {
            modelNotStored = e.getMessage();
        }

        ExecutionContext trainExec = exec.createSubExecutionContext(0.9);
        // Which dense kernel runs depends on knime.ini (--add-modules=jdk.incubator.vector); same numbers either way.
        getLogger().info("DeepFact kernel: " + Kernels.describe());
        TrainingResult result;
        long start = System.nanoTime();
        try {
            result = EngineCall.run(trainExec, "Training", cb -> train(toSolve, config, cb));
        } catch (DivergenceException e) {
            String what = e.getMessage() + " (Learning rate, setting '" + LearnerSettings.KEY_LEARNING_RATE
                + "' = " + config.learningRate() + ")";
            if (!settings().reportDivergence()) {
                throw new IllegalStateException(what + "; set 'If training diverges' ('"
                    + LearnerSettings.KEY_ON_DIVERGENCE + "') to 'report' to continue with missing values", e);
            }
            warnings.add(what + "; reported as stop_reason 'diverged' with missing values ('"
                + LearnerSettings.KEY_ON_DIVERGENCE + "' = 'report')");
            warnings.removeIf(Objects::isNull);
            setWarningMessage(String.join("; ", warnings));
            return diverged(toSolve.rows(), toSolve.cols(), config, dims, e.iteration(),
                (System.nanoTime() - start) * 1e-9, rowKeys, colKeys, outSpecs, exec);
        }
        if (result.stopReason() == StopReason.MAX_ITERATIONS) {
            warnings.add(String.format(Locale.ROOT,
                "Stopped at the iteration cap (%s = %d) with train loss %.3e, above the loss threshold "
                    + "(%s = %.3e); raise %s or the learning rate",
                LearnerSettings.KEY_MAX_ITERATIONS, config.maxIterations(), result.last().trainLoss(),
                LearnerSettings.KEY_LOSS_THRESHOLD, config.lossThreshold(), LearnerSettings.KEY_MAX_ITERATIONS));
        }
        warnings.removeIf(Objects::isNull);
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("; ", warnings));
        }

        exec.setMessage("writing the output tables");
        ExecutionContext writeExec = exec.createSubExecutionContext(0.08);
        BufferedDataTable matrix = MatrixTable.write(result.endToEnd(), writeExec);
        DataCell[] id = RunSummary.idCells(config, dims);
        BufferedDataTable history = writeHistory(result.history(), config.topK(), id, writeExec);
        BufferedDataTable factors = writeFactors(result, settings().outputFactors(), writeExec);
        DataTableSpec mappingSpec = (DataTableSpec)outSpecs[OUT_MAPPING];
        BufferedDataTable mapping = CompletionTables.writeMapping(rowKeys, colKeys,
            mappingSpec.getColumnSpec(CompletionTables.MAP_KEY).getType(), writeExec);
        DataCell[] summaryCells = RunSummary.cells(config, dims, result.iterations(), result.stopReason(),
            result.last(), BestRecord.of(result.history()), result.seconds());
        BufferedDataTable summary = writeSummary(summaryCells, writeExec);
        pushSummaryVariables(summaryCells);
        List<DMatrixRMaj> factorList = new ArrayList<>();
        for (int f = 1; f <= result.depth(); f++) {
            factorList.add(result.factor(f));
        }
        DeepFactorizationModelPortObject model;
        if (modelNotStored == null) {
            model = new DeepFactorizationModelPortObject(modelSpec(), result.endToEnd(), factorList, keys(rowKeys),
                keys(colKeys), info(summaryCells));
        } else {
            // the node still succeeds (as before the model port existed); only the Predictor cannot use it
            model = DeepFactorizationModelPortObject.unstored(modelSpec(), toSolve.rows(), toSolve.cols(),
                info(summaryCells), modelNotStored);
            warnings.add(modelNotStored + ": output port 'Model' holds the run summary only, the Predictor cannot "
                + "use it (use the completed matrix, port 'Completed matrix', instead)");
        }
        if (modelNotStored != null) {
            setWarningMessage(String.join("; ", warnings));
        }
        exec.setProgress(1.0, String.format(Locale.ROOT, "%s after %d iterations, loss %.3e",
            result.stopReason() == StopReason.CONVERGED ? "converged" : "stopped at the iteration cap",
            result.iterations(), result.last().trainLoss()));
        BufferedDataTable sigma = writeSingularValues(result.history(), settings().longSingularValues(), id,
            writeExec);
        return new PortObject[]{matrix, history, factors, mapping, summary, model, sigma};
    }

    /** Outputs of a diverged run under on_divergence = report: missing values where none exist. */
    private PortObject[] diverged(final int rows, final int cols, final TrainingConfig config, final int[] dims,
        final long iteration, final double seconds, final KeyIndex rowKeys, final KeyIndex colKeys,
        final PortObjectSpec[] outSpecs, final ExecutionContext exec) throws CanceledExecutionException {
        DMatrixRMaj nan = new DMatrixRMaj(rows, cols);
        java.util.Arrays.fill(nan.data, Double.NaN);
        BufferedDataContainer m = exec.createDataContainer(MatrixTable.spec(cols));
        try {
            DataCell[] missing = new DataCell[cols];
            java.util.Arrays.fill(missing, DataType.getMissingCell());
            for (int i = 0; i < rows; i++) {
                exec.checkCanceled();
                m.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), missing));
            }
        } finally {
            m.close();
        }
        DataCell[] id = RunSummary.idCells(config, dims);
        BufferedDataTable history = writeHistory(List.of(), config.topK(), id, exec);
        BufferedDataContainer f = exec.createDataContainer(factorsSpec());
        f.close();
        DataTableSpec mappingSpec = (DataTableSpec)outSpecs[OUT_MAPPING];
        BufferedDataTable mapping = CompletionTables.writeMapping(rowKeys, colKeys,
            mappingSpec.getColumnSpec(CompletionTables.MAP_KEY).getType(), exec);
        DataCell[] summaryCells = RunSummary.cells(config, dims, iteration, StopReason.DIVERGED, null, null,
            seconds);
        pushSummaryVariables(summaryCells);
        DeepFactorizationModelPortObject model = new DeepFactorizationModelPortObject(modelSpec(), nan, List.of(),
            keys(rowKeys), keys(colKeys), info(summaryCells));
        return new PortObject[]{m.getTable(), history, f.getTable(), mapping, writeSummary(summaryCells, exec),
            model, writeSingularValues(List.of(), false, id, exec)};
    }

    /**
     * Pushes the run summary as flow variables {@code deepfact_<column>}, so that a Variable Loop End collects runs
     * without extra nodes: Double columns as Double (a missing value as NaN, so every run has the same variables),
     * depth and iterations as Int (iterations never exceed the int setting max_iterations; a missing
     * best_held_out_iteration as -1), seed as String (a
     * long; exact), the other String columns as String.
     */
    private void pushSummaryVariables(final DataCell[] summary) {
        for (int c = 0; c < summary.length; c++) {
            String column = RunSummary.COLUMNS.get(c);
            String name = FLOW_VARIABLE_PREFIX + column;
            DataCell cell = summary[c];
            DataType type = RunSummary.spec().getColumnSpec(c).getType();
            if (type.equals(DoubleCell.TYPE)) {
                pushFlowVariableDouble(name, cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue());
            } else if (type.equals(IntCell.TYPE)) {
                pushFlowVariableInt(name, ((IntValue)cell).getIntValue());
            } else if (type.equals(LongCell.TYPE)) {
                // a missing iteration (no held-out entries) as -1, the command line's JSON value
                long v = cell.isMissing() ? -1 : ((LongValue)cell).getLongValue();
                if (RunSummary.SEED.equals(column)) {
                    pushFlowVariableString(name, Long.toString(v));
                } else {
                    pushFlowVariableInt(name, Math.toIntExact(v));
                }
            } else {
                pushFlowVariableString(name, ((StringValue)cell).getStringValue());
            }
        }
    }

    private static BufferedDataTable writeSummary(final DataCell[] cells, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(RunSummary.spec());
        c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), cells));
        c.close();
        return c.getTable();
    }

    /** @return the keys in index order, or null for the identity mapping of index keys */
    private static List<Object> keys(final KeyIndex k) {
        if (k.isIdentity()) {
            return null;
        }
        List<Object> out = new ArrayList<>(k.size());
        for (int i = 0; i < k.size(); i++) {
            out.add(k.key(i));
        }
        return out;
    }

    /** @return the summary as (column, text) pairs, missing values as "" */
    private static Map<String, String> info(final DataCell[] summary) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int c = 0; c < summary.length; c++) {
            out.put(RunSummary.COLUMNS.get(c), summary[c].isMissing() ? "" : summary[c].toString());
        }
        return out;
    }

    /** Trains, naming the dialog's initialisation scale when the initialisation already overflows. */
    private static TrainingResult train(final RecoveryProblem problem, final TrainingConfig config,
        final ProgressCallback cb) {
        try {
            return Trainer.train(problem, config, cb);
        } catch (InitialisationOverflowException e) {
            throw new IllegalArgumentException(e.getMessage() + " ('Initialisation scale', setting '"
                + LearnerSettings.KEY_INIT_SCALE + "' = " + config.initScale() + ")", e);
        }
    }

    /**
     * Refuses runs whose matrices would not fit: a factor larger than one Java array (the hidden
     * width defaults to the number of columns), or more than the heap holds (the engine's estimate
     * of the run plus the output cells: ~32 bytes per double, ~64 per factor-table row, and the
     * model port's copy of the completed matrix and the factors).
     *
     * @param operatorDoubles doubles a sensing operator holds (its stored A_i), 0 for completion
     */
    private void checkMemory(final int rows, final int cols, final TrainingConfig config,
        final long operatorDoubles) throws InsufficientMemoryException, InvalidSettingsException {
        settings().checkSquare(rows, cols);
        int[] dims = Trainer.factorDims(rows, cols, config);
        try {
            Widths.requireFits(dims);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + ": set 'Hidden width (0 = columns)' (setting '"
                + LearnerSettings.KEY_WIDTH + "') to a smaller value", e);
        }
        String what = String.format(Locale.ROOT, "a depth-%d %sfactorization of a %d x %d matrix%s",
            config.depth(), settings().symmetric() ? "symmetric " : "", rows, cols,
            operatorDoubles > 0 ? " and its sensing operator" : "");
        long bytes;
        try {
            long matrix = Math.multiplyExact((long)rows, cols);
            long cells = Math.multiplyExact(matrix, 32);
            // the model port's copies of the completed matrix and the factors
            cells = Math.addExact(cells, Math.multiplyExact(Math.addExact(matrix, Widths.parameters(dims)), 8));
            if (settings().outputFactors()) {
                cells = Math.addExact(cells, Math.multiplyExact(Widths.parameters(dims), 64));
            }
            bytes = Math.addExact(Trainer.estimateBytes(rows, cols, config, operatorDoubles), cells);
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        MemoryCheck.requireBytes(bytes, what);
    }

    static BufferedDataTable writeHistory(final List<HistoryRecord> history, final int topK, final DataCell[] id,
        final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(historySpec(topK));
        try {
            long n = 0;
            for (HistoryRecord r : history) {
                exec.checkCanceled();
                DataCell[] cells = new DataCell[HISTORY_COLUMNS.length + topK + id.length];
                cells[0] = new LongCell(r.iteration());
                cells[1] = Cells.doubleOrMissing(r.trainLoss());
                cells[2] = Cells.doubleOrMissing(r.testError());
                cells[3] = Cells.doubleOrMissing(r.nuclearNorm());
                cells[4] = Cells.doubleOrMissing(r.schattenQuasiNorm());
                cells[5] = Cells.doubleOrMissing(r.effectiveRank());
                cells[6] = Cells.doubleOrMissing(r.stepSize());
                cells[7] = Cells.doubleOrMissing(r.gradientNorm());
                double[] s = r.topSingularValues();
                for (int k = 0; k < topK; k++) {
                    cells[HISTORY_COLUMNS.length + k] =
                        k < s.length ? Cells.doubleOrMissing(s[k]) : DataType.getMissingCell();
                }
                System.arraycopy(id, 0, cells, HISTORY_COLUMNS.length + topK, id.length);
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /** One row per (history row, k): iteration, index k (1-based), sigma_k, then the run's identifying cells. */
    static BufferedDataTable writeSingularValues(final List<HistoryRecord> history, final boolean write,
        final DataCell[] id, final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(singularValuesSpec());
        try {
            long n = 0;
            for (int h = 0; write && h < history.size(); h++) {
                exec.checkCanceled();
                HistoryRecord r = history.get(h);
                double[] s = r.topSingularValues();
                for (int k = 0; k < s.length; k++) {
                    DataCell[] cells = new DataCell[SINGULAR_VALUE_COLUMNS.length + id.length];
                    cells[0] = new LongCell(r.iteration());
                    cells[1] = new IntCell(k + 1);
                    cells[2] = Cells.doubleOrMissing(s[k]);
                    System.arraycopy(id, 0, cells, SINGULAR_VALUE_COLUMNS.length, id.length);
                    c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
                }
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /** Long format: one row per factor entry, factor 1 = W_1 (applied first), rows/columns 0-based. */
    static BufferedDataTable writeFactors(final TrainingResult result, final boolean write,
        final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(factorsSpec());
        try {
            long n = 0;
            for (int f = 1; write && f <= result.depth(); f++) {
                DMatrixRMaj w = result.factor(f);
                IntCell factor = new IntCell(f);
                for (int i = 0; i < w.numRows; i++) {
                    exec.checkCanceled();
                    IntCell row = new IntCell(i);
                    for (int j = 0; j < w.numCols; j++) {
                        c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), factor, row, new IntCell(j),
                            new DoubleCell(w.unsafe_get(i, j))));
                    }
                }
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }
}
