package org.deepfact.knime.tensorlearner;

import java.util.List;

import org.deepfact.engine.tensor.CpConfig;
import org.deepfact.engine.tensor.CpHistoryRecord;
import org.deepfact.engine.tensor.CpResult;
import org.deepfact.engine.tensor.CpTrainer;
import org.deepfact.engine.tensor.TensorEntries;
import org.deepfact.engine.tensor.TensorProblem;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.engine.tensor.Unfolding;
import org.deepfact.knime.common.Cells;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.tensor.TensorTable;
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
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Tensor Factorization Learner. Thin: reads the observed entries (and the optional reference: a
 * complete ground truth or held-out entries) into a {@link TensorProblem}, calls
 * {@link CpTrainer#train} once with a progress/cancel callback, writes the completed tensor, the
 * history with component norms and a one-row run summary.
 */
final class TensorFactorizationLearnerNodeModel extends StatelessNodeModel<TensorLearnerSettings> {

    static final String OBSERVED = "observed entries";
    static final String REFERENCE = "reference";

    static final String[] HISTORY_COLUMNS = {"iteration", "train_loss", "reconstruction_error", "unobserved_error",
        "held_out_error", "tensor_rank", "step_size", "gradient_norm"};

    static final String NORM_PREFIX = "component_norm_";

    static final String[] SUMMARY_COLUMNS = {"stop_reason", "iterations", "seconds", "train_loss",
        "reconstruction_error", "unobserved_error", "held_out_error", "tensor_rank", "rank_threshold", "components"};

    TensorFactorizationLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            new TensorLearnerSettings());
    }

    static DataTableSpec historySpec(final int topK) {
        final DataColumnSpec[] cols = new DataColumnSpec[HISTORY_COLUMNS.length + topK];
        for (int c = 0; c < HISTORY_COLUMNS.length; c++) {
            final DataType t = c == 0 ? LongCell.TYPE : c == 5 ? IntCell.TYPE : DoubleCell.TYPE;
            cols[c] = new DataColumnSpecCreator(HISTORY_COLUMNS[c], t).createSpec();
        }
        for (int k = 0; k < topK; k++) {
            cols[HISTORY_COLUMNS.length + k] = new DataColumnSpecCreator(NORM_PREFIX + (k + 1), DoubleCell.TYPE).createSpec();
        }
        return new DataTableSpec(cols);
    }

    static DataTableSpec summarySpec() {
        final DataType[] types = {StringCell.TYPE, LongCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
            DoubleCell.TYPE, DoubleCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, IntCell.TYPE};
        final DataColumnSpec[] cols = new DataColumnSpec[SUMMARY_COLUMNS.length];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = new DataColumnSpecCreator(SUMMARY_COLUMNS[c], types[c]).createSpec();
        }
        return new DataTableSpec(cols);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        final DataTableSpec observed = (DataTableSpec)inSpecs[0];
        if (observed == null) {
            throw new InvalidSettingsException("Connect the observed entries (a tensor entries table) to input port 0");
        }
        final int order = TensorTable.checkSpec(observed, OBSERVED);
        final DataTableSpec reference = inSpecs.length > 1 ? (DataTableSpec)inSpecs[1] : null;
        if (reference != null) {
            final int refOrder = TensorTable.checkSpec(reference, REFERENCE);
            if (refOrder != order) {
                throw new InvalidSettingsException("Order mismatch: the observed entries have " + order
                    + " index columns but the reference has " + refOrder);
            }
        }
        return new PortObjectSpec[]{TensorTable.spec(order), historySpec(settings().m_topK.getIntValue()),
            summarySpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            inSpecs[i] = inObjects[i] == null ? null : inObjects[i].getSpec();
        }
        configure(inSpecs);
        final CpConfig config = settings().toConfig();
        exec.setMessage("reading the input tables");
        final TensorTable.Raw obsRaw = TensorTable.read((BufferedDataTable)inObjects[0], OBSERVED, exec.createSubProgress(0.02));
        final BufferedDataTable refTable = inObjects.length > 1 ? (BufferedDataTable)inObjects[1] : null;
        final TensorTable.Raw refRaw = refTable == null ? null : TensorTable.read(refTable, REFERENCE, exec.createSubProgress(0.02));
        final TensorShape shape = shape(obsRaw, refRaw);
        final TensorEntries observed = TensorTable.entries(obsRaw, shape, OBSERVED);
        TensorProblem problem = TensorProblem.completion(observed);
        if (refRaw != null) {
            final TensorEntries ref = TensorTable.entries(refRaw, shape, REFERENCE);
            final double[] dense = TensorTable.denseIfComplete(ref);
            problem = dense != null ? problem.withGroundTruth(dense) : problem.withHeldOut(ref);
        }
        final int rank = config.components(shape);
        // factors, gradients and optimiser state (up to 4 copies), the unfolding's Khatri-Rao rows and their
        // gradients, the dense tensor three times
        final Unfolding unfolding = new Unfolding(shape);
        MemoryCheck.requireBytes(8L * 4 * rank * sumDims(shape) + 8L * 2 * rank * (unfolding.rows() + unfolding.cols())
            + 8L * 3 * shape.size(), "the CP factorization");
        exec.setMessage("training " + rank + " components on " + observed.size() + " entries of a " + shape + " tensor");
        final TensorProblem p = problem;
        final CpResult result = EngineCall.run(exec.createSubProgress(0.9), "Training",
            progress -> CpTrainer.train(p, config, progress));
        final BufferedDataTable completed = TensorTable.writeDense(shape, result.completed(),
            exec.createSubExecutionContext(0.04));
        return new PortObject[]{completed, history(result.history(), settings().m_topK.getIntValue(), exec),
            summary(result, rank, exec)};
    }

    /** The given cube, or max index + 1 per mode over both inputs. */
    private TensorShape shape(final TensorTable.Raw obs, final TensorTable.Raw ref) throws InvalidSettingsException,
        InvalidInputException {
        final int d = settings().m_modeSize.getIntValue();
        if (d > 0) {
            return EngineCall.quick("Setting 'mode_size'", () -> TensorTable.cube(obs.order(), d));
        }
        final int[] dims = obs.extent();
        if (ref != null) {
            final int[] r = ref.extent();
            for (int n = 0; n < dims.length; n++) {
                dims[n] = Math.max(dims[n], r[n]);
            }
        }
        try {
            return TensorShape.of(dims);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Tensor shape inferred from the inputs: " + e.getMessage(), e);
        }
    }

    private static long sumDims(final TensorShape s) {
        long t = 0;
        for (int n = 0; n < s.order(); n++) {
            t += s.dim(n);
        }
        return t;
    }

    private static BufferedDataTable history(final List<CpHistoryRecord> records, final int topK,
        final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(historySpec(topK));
        long k = 0;
        for (final CpHistoryRecord h : records) {
            final DataCell[] cells = new DataCell[HISTORY_COLUMNS.length + topK];
            cells[0] = new LongCell(h.iteration());
            cells[1] = Cells.doubleOrMissing(h.trainLoss());
            cells[2] = Cells.doubleOrMissing(h.reconstructionError());
            cells[3] = Cells.doubleOrMissing(h.unobservedError());
            cells[4] = Cells.doubleOrMissing(h.heldOutError());
            cells[5] = new IntCell(h.tensorRank());
            cells[6] = Cells.doubleOrMissing(h.stepSize());
            cells[7] = Cells.doubleOrMissing(h.gradientNorm());
            final double[] norms = h.topComponentNorms();
            for (int j = 0; j < topK; j++) {
                cells[HISTORY_COLUMNS.length + j] = j < norms.length ? new DoubleCell(norms[j]) : DataType.getMissingCell();
            }
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(k++), cells));
        }
        c.close();
        return c.getTable();
    }

    private static BufferedDataTable summary(final CpResult r, final int rank, final ExecutionContext exec) {
        final BufferedDataContainer c = exec.createDataContainer(summarySpec());
        final CpHistoryRecord last = r.last();
        c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new StringCell(r.stopReason().id()),
            new LongCell(r.iterations()), new DoubleCell(r.seconds()), Cells.doubleOrMissing(last.trainLoss()),
            Cells.doubleOrMissing(last.reconstructionError()), Cells.doubleOrMissing(last.unobservedError()), Cells.doubleOrMissing(last.heldOutError()),
            new IntCell(last.tensorRank()), Cells.doubleOrMissing(last.rankThreshold()), new IntCell(rank)));
        c.close();
        return c.getTable();
    }
}
