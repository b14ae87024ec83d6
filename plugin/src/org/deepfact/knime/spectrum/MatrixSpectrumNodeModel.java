package org.deepfact.knime.spectrum;

import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/** Singular values and spectral summary of a matrix table, computed by {@link Spectrum}. */
final class MatrixSpectrumNodeModel extends StatelessNodeModel<MatrixSpectrumSettings> {

    static final String IN_MATRIX = "matrix";

    MatrixSpectrumNodeModel() {
        super(1, 2, new MatrixSpectrumSettings());
    }

    /** Singular values: index (1-based), sigma, sigma / sigma_1, cumulative energy. */
    static DataTableSpec valuesSpec() {
        return new DataTableSpec(new DataColumnSpecCreator("index", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("singular_value", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("relative_to_largest", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("cumulative_energy", DoubleCell.TYPE).createSpec());
    }

    /** One summary row. */
    static DataTableSpec summarySpec() {
        return new DataTableSpec(new DataColumnSpecCreator("rows", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("cols", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("spectral_norm", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("nuclear_norm", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("frobenius_norm", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("schatten_p", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("schatten_p_norm", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("effective_rank", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("stable_rank", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("numerical_rank", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("rank_tolerance", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("condition_number", DoubleCell.TYPE).createSpec());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        MatrixTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_MATRIX), IN_MATRIX);
        return new DataTableSpec[]{valuesSpec(), summarySpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DMatrixRMaj w = MatrixTable.read(inData[0], IN_MATRIX, exec.createSubProgress(0.3));
        // a scaled working copy plus the SVD's own workspace
        MemoryCheck.requireMatrices(w.numRows, w.numCols, 3, "the singular value decomposition");
        exec.setMessage("singular values of a " + w.numRows + " x " + w.numCols + " matrix");
        final Spectrum s = EngineCall.run(exec, "Computing the spectrum", p -> Spectrum.of(w));
        final double p = settings().m_schattenP.getDoubleValue();
        final double relTol = settings().m_rankTolerance.getDoubleValue();
        final double tol = relTol > 0 ? relTol * s.spectralNorm() : s.defaultRankTolerance();
        final double[] energy = s.cumulativeEnergy();
        final int max = settings().m_maxValues.getIntValue();
        final int k = max > 0 ? Math.min(s.size(), max) : s.size();
        final BufferedDataContainer values = exec.createDataContainer(valuesSpec());
        for (int i = 0; i < k; i++) {
            final double sigma = s.singularValue(i);
            values.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), new DataCell[]{new IntCell(i + 1),
                new DoubleCell(sigma), new DoubleCell(s.spectralNorm() == 0 ? 0 : sigma / s.spectralNorm()),
                new DoubleCell(energy[i])}));
        }
        values.close();
        final BufferedDataContainer summary = exec.createDataContainer(summarySpec());
        final double pNorm = EngineCall.quick("Setting 'schatten_p'", () -> s.schattenNorm(p));
        summary.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new DataCell[]{new IntCell(s.rows()),
            new IntCell(s.cols()), new DoubleCell(s.spectralNorm()), new DoubleCell(s.nuclearNorm()),
            new DoubleCell(s.frobeniusNorm()), new DoubleCell(p), new DoubleCell(pNorm),
            new DoubleCell(s.effectiveRank()), new DoubleCell(s.stableRank()), new IntCell(s.numericalRank(tol)),
            new DoubleCell(tol), new DoubleCell(s.conditionNumber())}));
        summary.close();
        return new BufferedDataTable[]{values.getTable(), summary.getTable()};
    }
}
