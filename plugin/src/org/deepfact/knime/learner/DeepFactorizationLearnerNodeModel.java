package org.deepfact.knime.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.deepfact.engine.linalg.Kernels;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.train.DivergenceException;
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
import org.deepfact.knime.sensing.SensingProblemPortObject;
import org.deepfact.knime.sensing.SensingProblemPortObjectSpec;
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
import org.knime.core.data.RowKey;
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

    static final String[] HISTORY_COLUMNS = {"iteration", "train_loss", "test_error", "nuclear_norm",
        "schatten_2_over_n", "effective_rank", "step_size", "gradient_norm"};

    static final String SIGMA_PREFIX = "sigma_";

    static final String[] FACTOR_COLUMNS = {"factor", "row", "column", "value"};

    DeepFactorizationLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE_OPTIONAL, BufferedDataTable.TYPE_OPTIONAL,
            SensingProblemPortObject.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                BufferedDataTable.TYPE}, new LearnerSettings());
    }

    // ---- specs ----

    static DataTableSpec historySpec(final int topK) {
        DataColumnSpec[] cols = new DataColumnSpec[HISTORY_COLUMNS.length + topK];
        cols[0] = new DataColumnSpecCreator(HISTORY_COLUMNS[0], LongCell.TYPE).createSpec();
        for (int c = 1; c < HISTORY_COLUMNS.length; c++) {
            cols[c] = new DataColumnSpecCreator(HISTORY_COLUMNS[c], DoubleCell.TYPE).createSpec();
        }
        for (int k = 0; k < topK; k++) {
            cols[HISTORY_COLUMNS.length + k] =
                new DataColumnSpecCreator(SIGMA_PREFIX + (k + 1), DoubleCell.TYPE).createSpec();
        }
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
            throw new InvalidSettingsException("Connect the observed entries table to input port " + IN_ENTRIES
                + " or a sensing problem to input port " + IN_SENSING);
        }
        if (entries != null && sensing != null) {
            throw new InvalidSettingsException("Connect either observed entries (port " + IN_ENTRIES
                + ") or a sensing problem (port " + IN_SENSING + "), not both");
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
                if (es.isIdMode()) {
                    throw new InvalidSettingsException("The reference input (port " + IN_REFERENCE + ") has no '"
                        + es.rowColumn() + "', '" + es.columnColumn() + "' and '" + es.valueColumn()
                        + "' columns, so it is read as a ground-truth matrix, which needs 0-based index keys; with '"
                        + EntriesSettings.KEY_KEY_MODE + "' = 'id' give held-out entries instead");
                }
                int truthCols = MatrixTable.checkSpec(reference, "ground-truth matrix");
                if (cols != null && cols != truthCols) {
                    throw new InvalidSettingsException("Setting '" + EntriesSettings.KEY_COLS + "' = " + cols
                        + " but the ground-truth matrix has " + truthCols + " columns");
                }
                cols = truthCols;
            }
        }
        DataType keyType = entries == null ? CompletionTables.mappingKeyType(es, null, null)
            : CompletionTables.mappingKeyType(es, entries.getColumnSpec(es.rowColumn()).getType(),
                entries.getColumnSpec(es.columnColumn()).getType());
        return new PortObjectSpec[]{cols == null ? null : MatrixTable.spec(cols),
            historySpec(settings().topK()), factorsSpec(), CompletionTables.mappingSpec(keyType)};
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
        List<String> warnings = new ArrayList<>();
        RecoveryProblem problem;
        KeyIndex rowKeys;
        KeyIndex colKeys;
        if (sensing != null) {
            EntriesInput.checkSensingShape(es, sensing.rows(), sensing.cols());
            // before operator(): it keeps all A_i in memory when they are small enough
            checkMemory(sensing.rows(), sensing.cols(), config, sensing.operatorDoubles());
            problem = EngineCall.quick("Sensing problem",
                () -> RecoveryProblem.sensing(sensing.operator(), sensing.measurementValues()));
            rowKeys = KeyIndex.identity(problem.rows());
            colKeys = KeyIndex.identity(problem.cols());
            if (heldOut != null) {
                problem = problem.withHeldOut(
                    EntriesInput.readHeldOut(heldOut, problem.rows(), problem.cols(), es, readMon));
            }
        } else {
            EntriesInput.Data data = EntriesInput.read(entries, heldOut, truth == null ? 0 : truth.numRows,
                truth == null ? 0 : truth.numCols, es, readMon);
            problem = RecoveryProblem.completion(data.observed());
            if (data.heldOut() != null) {
                problem = problem.withHeldOut(data.heldOut());
            }
            rowKeys = data.rowKeys();
            colKeys = data.colKeys();
            warnings.add(EntriesInput.emptyLinesWarning(data.observed()));
            checkMemory(problem.rows(), problem.cols(), config, 0);
        }
        if (truth != null) {
            final RecoveryProblem p = problem;
            final DMatrixRMaj t = truth;
            problem = EngineCall.quick("Ground-truth matrix", () -> p.withGroundTruth(t));
        }
        final RecoveryProblem toSolve = problem;

        ExecutionContext trainExec = exec.createSubExecutionContext(0.9);
        // Which dense kernel runs depends on knime.ini (--add-modules=jdk.incubator.vector); same numbers either way.
        getLogger().info("DeepFact kernel: " + Kernels.describe());
        TrainingResult result;
        try {
            result = EngineCall.run(trainExec, "Training", cb -> Trainer.train(toSolve, config, cb));
        } catch (DivergenceException e) {
            throw new IllegalStateException(e.getMessage() + " (setting '" + LearnerSettings.KEY_LEARNING_RATE
                + "' = " + config.learningRate() + ")", e);
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
        BufferedDataTable history = writeHistory(result.history(), config.topK(), writeExec);
        BufferedDataTable factors = writeFactors(result, settings().outputFactors(), writeExec);
        DataTableSpec mappingSpec = (DataTableSpec)outSpecs[OUT_MAPPING];
        BufferedDataTable mapping = CompletionTables.writeMapping(rowKeys, colKeys,
            mappingSpec.getColumnSpec(CompletionTables.MAP_KEY).getType(), writeExec);
        exec.setProgress(1.0, String.format(Locale.ROOT, "%s after %d iterations, loss %.3e",
            result.stopReason() == StopReason.CONVERGED ? "converged" : "stopped at the iteration cap",
            result.iterations(), result.last().trainLoss()));
        return new PortObject[]{matrix, history, factors, mapping};
    }

    /**
     * Refuses runs whose matrices would not fit into the heap.
     *
     * @param operatorDoubles doubles a sensing operator holds (its stored A_i), 0 for completion
     */
    private void checkMemory(final int rows, final int cols, final TrainingConfig config,
        final long operatorDoubles) throws InsufficientMemoryException {
        int[] dims = Widths.resolve(rows, cols, config.depth(), config.hiddenWidths());
        String what = String.format(Locale.ROOT, "a depth-%d factorization of a %d x %d matrix%s", config.depth(),
            rows, cols, operatorDoubles > 0 ? " and its sensing operator" : "");
        long bytes;
        try {
            long factorDoubles = 0;
            long chainDoubles = 0;
            for (int j = 1; j < dims.length; j++) {
                factorDoubles = Math.addExact(factorDoubles, Math.multiplyExact((long)dims[j], dims[j - 1]));
                chainDoubles = Math.addExact(chainDoubles, Math.multiplyExact((long)dims[j], dims[0]));
            }
            long matrix = Math.multiplyExact((long)rows, cols);
            // factors, gradients, two optimiser state slots, result copies; prefix products; a few full
            // matrices (end-to-end, its gradient, metrics, result); output cells (~32 bytes per double,
            // ~64 bytes per factor-table row)
            long doubles = Math.addExact(Math.addExact(Math.multiplyExact(5, factorDoubles), chainDoubles),
                Math.addExact(Math.multiplyExact(5, matrix), operatorDoubles));
            bytes = Math.addExact(Math.multiplyExact(doubles, 8), Math.multiplyExact(matrix, 32));
            if (settings().outputFactors()) {
                bytes = Math.addExact(bytes, Math.multiplyExact(factorDoubles, 64));
            }
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        MemoryCheck.requireBytes(bytes, what);
    }

    private static DataCell cell(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    static BufferedDataTable writeHistory(final List<HistoryRecord> history, final int topK,
        final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(historySpec(topK));
        try {
            long n = 0;
            for (HistoryRecord r : history) {
                exec.checkCanceled();
                DataCell[] cells = new DataCell[HISTORY_COLUMNS.length + topK];
                cells[0] = new LongCell(r.iteration());
                cells[1] = cell(r.trainLoss());
                cells[2] = cell(r.testError());
                cells[3] = cell(r.nuclearNorm());
                cells[4] = cell(r.schattenQuasiNorm());
                cells[5] = cell(r.effectiveRank());
                cells[6] = cell(r.stepSize());
                cells[7] = cell(r.gradientNorm());
                double[] s = r.topSingularValues();
                for (int k = 0; k < topK; k++) {
                    cells[HISTORY_COLUMNS.length + k] = k < s.length ? cell(s[k]) : DataType.getMissingCell();
                }
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
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
