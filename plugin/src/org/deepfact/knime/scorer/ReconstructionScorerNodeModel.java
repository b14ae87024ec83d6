package org.deepfact.knime.scorer;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.metrics.ReconstructionErrors.Errors;
import org.deepfact.knime.common.Cells;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortType;

/** Error metrics of an estimate against a ground truth on all / observed / unobserved entries. */
final class ReconstructionScorerNodeModel extends StatelessNodeModel<ReconstructionScorerSettings> {

    static final String IN_ESTIMATE = "estimate";

    static final String IN_TRUTH = "ground truth";

    static final String IN_OBSERVED = "observed entries";

    static final String ALL = "all";

    static final String OBSERVED = "observed";

    static final String UNOBSERVED = "unobserved";

    ReconstructionScorerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE}, new ReconstructionScorerSettings());
    }

    /** One row per subset: all, then (with observed entries) observed and unobserved. */
    static DataTableSpec metricsSpec() {
        return new DataTableSpec(new DataColumnSpecCreator("subset", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("entries", LongCell.TYPE).createSpec(),
            new DataColumnSpecCreator("mse", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("rmse", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("relative_frobenius_error", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("max_abs_error", DoubleCell.TYPE).createSpec());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final int estCols = MatrixTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_ESTIMATE), IN_ESTIMATE);
        final int truthCols = MatrixTable.checkSpec(SpecChecks.tableSpec(inSpecs, 1, IN_TRUTH), IN_TRUTH);
        if (estCols != truthCols) {
            throw new InvalidSettingsException("The estimate has " + estCols + " columns but the ground truth has "
                + truthCols + ": both must be the same matrix shape");
        }
        if (inSpecs.length > 2 && inSpecs[2] != null) {
            EntriesTable.checkSpec(inSpecs[2], settings().m_columns, IN_OBSERVED);
        }
        return new DataTableSpec[]{metricsSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DMatrixRMaj estimate = MatrixTable.read(inData[0], IN_ESTIMATE, exec.createSubProgress(0.3));
        final DMatrixRMaj truth = MatrixTable.read(inData[1], IN_TRUTH, exec.createSubProgress(0.3));
        if (estimate.numRows != truth.numRows || estimate.numCols != truth.numCols) {
            throw new InvalidInputException("The estimate is " + estimate.numRows + " x " + estimate.numCols
                + " but the ground truth is " + truth.numRows + " x " + truth.numCols);
        }
        final BufferedDataContainer out = exec.createDataContainer(metricsSpec());
        add(out, ALL, EngineCall.quick("Scoring", () -> ReconstructionErrors.all(estimate, truth)));
        if (inData.length > 2 && inData[2] != null) {
            final Observations observed = EntriesTable.read(inData[2], settings().m_columns, truth.numRows,
                truth.numCols, IN_OBSERVED, exec.createSubProgress(0.3));
            add(out, OBSERVED, EngineCall.quick("Scoring", () -> ReconstructionErrors.observed(estimate, truth,
                observed)));
            final Errors unobserved =
                EngineCall.quick("Scoring", () -> ReconstructionErrors.unobserved(estimate, truth, observed));
            if (unobserved.count() == 0) {
                setWarningMessage("Every entry is observed: the 'unobserved' row has no entries and missing metrics");
            }
            add(out, UNOBSERVED, unobserved);
        }
        out.close();
        return new BufferedDataTable[]{out.getTable()};
    }

    private static void add(final BufferedDataContainer out, final String subset, final Errors e) {
        out.addRowToTable(new DefaultRow(new RowKey(subset), new DataCell[]{new StringCell(subset),
            new LongCell(e.count()), Cells.doubleOrMissing(e.mse()), Cells.doubleOrMissing(e.rmse()),
            Cells.doubleOrMissing(e.relativeFrobenius()), Cells.doubleOrMissing(e.maxAbs())}));
    }
}
