package org.deepfact.knime.glrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.greedy.GreedyLowRank;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.knime.common.Cells;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.completion.CompletionTables;
import org.deepfact.knime.completion.EntriesInput;
import org.deepfact.knime.completion.EntriesSettings;
import org.deepfact.knime.completion.ProblemInput;
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
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Greedy Low-Rank Learner: GLRL (Li, Luo and Lyu, ICLR 2021) on the observed entries. Its own node
 * rather than a method of the Deep Matrix Factorization Learner because its run is not a training
 * run of that node: depth 2 with a width that grows phase by phase, no random initialisation, no
 * factors, held-out error, step size or gradient norm in its records, and phases the Learner has no
 * table for. Thin: reads the entries (and the optional ground truth), calls
 * {@link GreedyLowRank#run} once, writes the matrix, the history, the phases and the key mapping.
 */
public final class GreedyLowRankLearnerNodeModel extends StatelessNodeModel<GreedyLowRankSettings> {

    static final int IN_ENTRIES = 0;
    static final int IN_TRUTH = 1;

    static final int OUT_MATRIX = 0;
    static final int OUT_HISTORY = 1;
    static final int OUT_PHASES = 2;
    static final int OUT_MAPPING = 3;

    static final String PORT_ENTRIES = "Observed entries";
    static final String PORT_TRUTH = "Ground truth";

    /** The engine records at most this many leading singular values (min(10, rows, cols)). */
    static final int SIGMAS = 10;

    static final String[] HISTORY_COLUMNS = {"iteration", "glrl_rank", "train_loss", "reconstruction_error",
        "numerical_rank"};
    private static final DataType[] HISTORY_TYPES = {LongCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
        IntCell.TYPE};

    static final String[] PHASE_COLUMNS = {"glrl_rank", "iterations", "end_iteration", "train_loss",
        "reconstruction_error"};
    private static final DataType[] PHASE_TYPES = {IntCell.TYPE, LongCell.TYPE, LongCell.TYPE, DoubleCell.TYPE,
        DoubleCell.TYPE};

    GreedyLowRankLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                BufferedDataTable.TYPE},
            new GreedyLowRankSettings());
    }

    static DataTableSpec historySpec() {
        DataColumnSpec[] cols = new DataColumnSpec[HISTORY_COLUMNS.length + SIGMAS];
        for (int c = 0; c < HISTORY_COLUMNS.length; c++) {
            cols[c] = new DataColumnSpecCreator(HISTORY_COLUMNS[c], HISTORY_TYPES[c]).createSpec();
        }
        for (int k = 0; k < SIGMAS; k++) {
            cols[HISTORY_COLUMNS.length + k] = new DataColumnSpecCreator("sigma_" + (k + 1), DoubleCell.TYPE)
                .createSpec();
        }
        return new DataTableSpec(cols);
    }

    static DataTableSpec phasesSpec() {
        DataColumnSpec[] cols = new DataColumnSpec[PHASE_COLUMNS.length];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = new DataColumnSpecCreator(PHASE_COLUMNS[c], PHASE_TYPES[c]).createSpec();
        }
        return new DataTableSpec(cols);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        EntriesSettings es = settings().entries();
        DataTableSpec entries = (DataTableSpec)inSpecs[IN_ENTRIES];
        DataTableSpec truth = inSpecs.length > IN_TRUTH ? (DataTableSpec)inSpecs[IN_TRUTH] : null;
        if (entries == null) {
            throw new InvalidSettingsException(
                "Connect the observed entries table to input port '" + PORT_ENTRIES + "' (" + IN_ENTRIES + ")");
        }
        EntriesInput.checkEntriesSpec(entries, es, EntriesInput.OBSERVED);
        Integer cols = es.isIdMode() || es.cols() == 0 ? null : Integer.valueOf(es.cols());
        if (truth != null) {
            if (EntriesInput.looksLikeEntries(truth, es)) {
                // GLRL's records carry the reconstruction error only (the engine's GreedyLowRank.Point)
                throw new InvalidSettingsException("Input port '" + PORT_TRUTH + "' (" + IN_TRUTH + ") takes a "
                    + "ground-truth matrix table; this table has the entries columns '" + es.rowColumn() + "', '"
                    + es.columnColumn() + "' and '" + es.valueColumn() + "': held-out entries are not supported, "
                    + "use the Deep Matrix Factorization Learner for a held-out error");
            }
            cols = EntriesInput.checkGroundTruthSpec(truth, es, cols, "'" + PORT_TRUTH + "', " + IN_TRUTH, "");
        }
        DataType keyType = CompletionTables.mappingKeyType(es, entries.getColumnSpec(es.rowColumn()).getType(),
            entries.getColumnSpec(es.columnColumn()).getType());
        return new PortObjectSpec[]{cols == null ? null : MatrixTable.spec(cols), historySpec(), phasesSpec(),
            CompletionTables.mappingSpec(keyType)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable entries = (BufferedDataTable)inObjects[IN_ENTRIES];
        BufferedDataTable truthTable = inObjects.length > IN_TRUTH ? (BufferedDataTable)inObjects[IN_TRUTH] : null;
        PortObjectSpec[] outSpecs = configure(new PortObjectSpec[]{entries.getSpec(),
            truthTable == null ? null : truthTable.getSpec()});
        EntriesSettings es = settings().entries();
        exec.setMessage("reading the input tables");
        DMatrixRMaj truth = truthTable == null ? null
            : MatrixTable.read(truthTable, "ground-truth matrix", exec.createSubProgress(0.01));
        ProblemInput input = ProblemInput.read(entries, null, truth, null, es,
            (rows, cols, operatorDoubles) -> checkMemory(rows, cols), exec.createSubProgress(0.01));
        List<String> warnings = new ArrayList<>(input.warnings());
        GreedyLowRank glrl = settings().toGreedyLowRank(input.problem().rows(), input.problem().cols());
        GreedyLowRank.Result result;
        try {
            result = EngineCall.run(exec.createSubExecutionContext(0.9), "Greedy low-rank learning",
                cb -> glrl.run(input.problem(), new PhaseProgress(cb,
                    Math.min(glrl.maxRank(), Math.min(input.problem().rows(), input.problem().cols())),
                    (glrl.phaseCap() + glrl.chunk() - 1) / glrl.chunk())));
        } catch (DivergenceException e) {
            throw new IllegalStateException(e.getMessage() + " ('" + GreedyLowRankSettings.LABEL_LEARNING_RATE
                + "', setting '" + GreedyLowRankSettings.KEY_LEARNING_RATE + "' = " + glrl.learningRate()
                + "): lower it", e);
        }
        List<GreedyLowRank.Phase> phases = result.phases();
        GreedyLowRank.Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
        // no phase ran (W = 0 meets the loss threshold already): report W = 0's loss and error, not NaN
        RecoveryProblem problem = input.problem();
        double loss = last == null ? problem.meanSquaredResidual(result.endToEnd()) : last.trainLoss();
        double error = last != null ? last.reconstructionError()
            : problem.groundTruth() == null ? Double.NaN
                : ReconstructionErrors.all(result.endToEnd(), problem.groundTruth()).mse();
        if (last != null && loss > glrl.lossThreshold()) {
            warnings.add(String.format(Locale.ROOT, "Stopped at rank %d (%s) with train loss %.3e, above the loss "
                + "threshold (%s = %.3e)", last.rank(), last.rank() == settings().maxRank() ? "the rank cap, setting '"
                    + GreedyLowRankSettings.KEY_MAX_RANK + "'" : "min(rows, columns)",
                loss, GreedyLowRankSettings.KEY_LOSS_THRESHOLD, glrl.lossThreshold()));
        }
        warnings.removeIf(Objects::isNull);
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("; ", warnings));
        }

        exec.setMessage("writing the output tables");
        ExecutionContext writeExec = exec.createSubExecutionContext(0.08);
        BufferedDataTable matrix = MatrixTable.write(result.endToEnd(), writeExec);
        BufferedDataTable history = writeHistory(result.points(), writeExec);
        BufferedDataTable phaseTable = writePhases(phases, writeExec);
        DataTableSpec mappingSpec = (DataTableSpec)outSpecs[OUT_MAPPING];
        BufferedDataTable mapping = CompletionTables.writeMapping(input.rowKeys(), input.colKeys(),
            mappingSpec.getColumnSpec(CompletionTables.MAP_KEY).getType(), writeExec);
        // the final state as flow variables deepfact_<column>, as the Learner names the same quantities
        pushFlowVariableInt(FLOW_VARIABLE_PREFIX + "glrl_rank", last == null ? 0 : last.rank());
        pushFlowVariableInt(FLOW_VARIABLE_PREFIX + "iterations", saturatedInt(result.iterations()));
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + "train_loss", loss);
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + "reconstruction_error", error);
        exec.setProgress(1.0, String.format(Locale.ROOT, "rank %d after %d iterations, loss %.3e",
            last == null ? 0 : last.rank(), result.iterations(), loss));
        return new PortObject[]{matrix, history, phaseTable, mapping};
    }

    /**
     * The total over all phases can pass the largest int (each phase's cap is an int); KNIME has no long
     * flow variable, so the variable saturates there rather than failing a finished run. The phases
     * table's end_iteration (Long) keeps the exact count.
     */
    static int saturatedInt(final long v) {
        return (int)Math.min(v, Integer.MAX_VALUE);
    }

    /**
     * Refuses a problem whose matrices would not fit: the depth-2 training at the largest rank, the SVD
     * of each phase's gradient (~4 matrices) and the output cells (~32 bytes per matrix entry).
     */
    private void checkMemory(final int rows, final int cols) throws InsufficientMemoryException {
        GreedyLowRank glrl = settings().toGreedyLowRank(rows, cols);
        int width = Math.max(1, Math.min(glrl.maxRank(), Math.min(rows, cols)));
        long bytes;
        try {
            TrainingConfig config = TrainingConfig.builder().depth(2).hiddenWidths(width).build();
            bytes = Math.addExact(Trainer.estimateBytes(rows, cols, config, 0),
                Math.multiplyExact(Math.multiplyExact((long)rows, cols), 64));
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        MemoryCheck.requireBytes(bytes, "greedy low-rank learning of a " + rows + " x " + cols + " matrix");
    }

    static BufferedDataTable writeHistory(final List<GreedyLowRank.Point> points, final ExecutionContext exec)
        throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(historySpec());
        try {
            long n = 0;
            for (GreedyLowRank.Point p : points) {
                exec.checkCanceled();
                DataCell[] cells = new DataCell[HISTORY_COLUMNS.length + SIGMAS];
                cells[0] = new LongCell(p.iteration());
                cells[1] = new IntCell(p.rank());
                cells[2] = Cells.doubleOrMissing(p.trainLoss());
                cells[3] = Cells.doubleOrMissing(p.reconstructionError());
                cells[4] = new IntCell(p.numericalRank());
                double[] s = p.topSingularValues();
                for (int k = 0; k < SIGMAS; k++) {
                    cells[HISTORY_COLUMNS.length + k] =
                        k < s.length ? Cells.doubleOrMissing(s[k]) : DataType.getMissingCell();
                }
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    static BufferedDataTable writePhases(final List<GreedyLowRank.Phase> phases, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(phasesSpec());
        try {
            long end = 0;
            long n = 0;
            for (GreedyLowRank.Phase p : phases) {
                end += p.iterations();
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), new IntCell(p.rank()),
                    new LongCell(p.iterations()), new LongCell(end), Cells.doubleOrMissing(p.trainLoss()),
                    Cells.doubleOrMissing(p.reconstructionError())));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /**
     * Progress over the whole run. The engine reports each phase's end as the fraction of the rank cap
     * reached ("GLRL rank r: ..."), and in between each training chunk's own fraction from 0 to 1, ending
     * with "stopped: ...". Phase r covers [(r-1)/cap, r/cap) of the bar: the chunks done plus the current
     * chunk's fraction, over the most chunks a phase can take (its iteration cap over the chunk), so the
     * bar moves within a phase; it never runs backwards (a phase that plateaus early jumps ahead), and
     * the messages pass through.
     */
    static final class PhaseProgress implements ProgressCallback {

        private final ProgressCallback m_delegate;

        private final int m_cap;

        private final long m_chunksPerPhase;

        /** The bar at the start of the current phase (the last phase end reported). */
        private double m_phaseStart;

        /** Chunks finished in the current phase. */
        private long m_chunks;

        private double m_shown;

        /**
         * @param cap the largest rank the run can reach, min(max rank, rows, columns)
         * @param chunksPerPhase the most training chunks one phase takes
         */
        PhaseProgress(final ProgressCallback delegate, final int cap, final long chunksPerPhase) {
            m_delegate = delegate;
            m_cap = Math.max(1, cap);
            m_chunksPerPhase = Math.max(1, chunksPerPhase);
        }

        @Override
        public void progress(final double fraction, final String message) {
            double bar;
            if (message != null && message.startsWith("GLRL")) {
                m_phaseStart = fraction;
                m_chunks = 0;
                bar = fraction;
            } else {
                bar = m_phaseStart + Math.min(1, (m_chunks + fraction) / m_chunksPerPhase) / m_cap;
                if (message != null && message.startsWith("stopped")) {
                    m_chunks++;
                }
            }
            m_shown = Math.max(m_shown, bar);
            m_delegate.progress(m_shown, message);
        }

        @Override
        public boolean isCanceled() {
            return m_delegate.isCanceled();
        }
    }
}
