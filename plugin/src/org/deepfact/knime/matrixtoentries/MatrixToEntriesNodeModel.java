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

/** Lists the entries of a matrix table as an entries table (row-major). */
final class MatrixToEntriesNodeModel extends StatelessNodeModel<MatrixToEntriesSettings> {

    static final String IN_MATRIX = "matrix";

    MatrixToEntriesNodeModel() {
        super(1, 1, new MatrixToEntriesSettings());
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
        return new BufferedDataTable[]{EntriesTable.writeMatrix(m, settings().m_skipZeros.getBooleanValue(),
            exec.createSubExecutionContext(0.7))};
    }
}
