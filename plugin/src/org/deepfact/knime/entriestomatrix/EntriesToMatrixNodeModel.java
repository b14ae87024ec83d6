package org.deepfact.knime.entriestomatrix;

import java.util.Arrays;

import org.deepfact.engine.data.Observations;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/** Places the entries of an entries table into a dense matrix table. */
final class EntriesToMatrixNodeModel extends StatelessNodeModel<EntriesToMatrixSettings> {

    static final String IN_ENTRIES = "entries";

    EntriesToMatrixNodeModel() {
        super(1, 1, new EntriesToMatrixSettings());
    }

    /** @return the output spec, or null when the shape is inferred (known only after execution) */
    static DataTableSpec outputSpec(final EntriesToMatrixSettings s) {
        return s.cols() > 0 ? MatrixTable.spec(s.cols()) : null;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        EntriesTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_ENTRIES), settings().m_columns, IN_ENTRIES);
        return new DataTableSpec[]{outputSpec(settings())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        settings().check();
        final Observations obs = EntriesTable.read(inData[0], settings().m_columns, settings().rows(),
            settings().cols(), IN_ENTRIES, exec.createSubProgress(0.3));
        MatrixTable.requireArraySize(obs.rows(), obs.cols(), "The matrix");
        final boolean missing = settings().missingCells();
        MemoryCheck.requireBytes(MemoryCheck.matrixBytes(obs.rows(), obs.cols(), 2)
            + (missing ? (long)obs.rows() * obs.cols() : 0), "the " + obs.rows() + " x " + obs.cols() + " matrix");
        final DMatrixRMaj m = new DMatrixRMaj(obs.rows(), obs.cols());
        Arrays.fill(m.data, missing ? 0 : settings().m_fill.getDoubleValue());
        final boolean[] present = missing ? new boolean[obs.rows() * obs.cols()] : null;
        for (int k = 0; k < obs.size(); k++) {
            m.unsafe_set(obs.row(k), obs.col(k), obs.value(k));
            if (present != null) {
                present[obs.row(k) * obs.cols() + obs.col(k)] = true;
            }
        }
        return new BufferedDataTable[]{MatrixTable.write(m, present, exec.createSubExecutionContext(0.7))};
    }
}
