package org.deepfact.knime.matrixtoentries;

import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Lists the entries of a matrix table as an entries table (row-major). */
final class MatrixToEntriesNodeModel extends StatelessNodeModel {

    static final String IN_MATRIX = "matrix";

    private final MatrixToEntriesSettings m_settings = new MatrixToEntriesSettings();

    MatrixToEntriesNodeModel() {
        super(1, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        MatrixTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_MATRIX), IN_MATRIX);
        return new DataTableSpec[]{EntriesTable.spec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DMatrixRMaj m = MatrixTable.read(inData[0], IN_MATRIX, exec.createSubProgress(0.3));
        return new BufferedDataTable[]{EntriesTable.writeMatrix(m, m_settings.m_skipZeros.getBooleanValue(),
            exec.createSubExecutionContext(0.7))};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.saveTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.loadFrom(settings);
    }
}
