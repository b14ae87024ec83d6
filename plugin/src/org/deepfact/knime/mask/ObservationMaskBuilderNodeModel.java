package org.deepfact.knime.mask;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/**
 * Splits the entries of a matrix into observed entries (drawn by an engine sampler, optionally
 * with Gaussian noise) and the unobserved (held-out) rest with their true values.
 */
final class ObservationMaskBuilderNodeModel extends StatelessNodeModel<ObservationMaskBuilderSettings> {

    static final String IN_MATRIX = "matrix";

    ObservationMaskBuilderNodeModel() {
        super(1, 2, new ObservationMaskBuilderSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        final int cols = MatrixTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_MATRIX), IN_MATRIX);
        settings().checkColumns(cols);
        return new DataTableSpec[]{EntriesTable.spec(), EntriesTable.spec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        settings().check();
        final DMatrixRMaj w = MatrixTable.read(inData[0], IN_MATRIX, exec.createSubProgress(0.2));
        // the samplers' position arrays and the complement's mask: about 3 doubles per entry at worst
        MemoryCheck.requireMatrices(w.numRows, w.numCols, 3, "sampling the observation mask");
        Observations observed =
            EngineCall.run(exec, "Sampling observations (" + settings().describe() + ")", p -> settings().sample(w));
        final double sigma = settings().m_noise.getDoubleValue();
        if (sigma > 0) {
            final Observations clean = observed;
            observed = EngineCall.run(exec, "Adding noise ('noise_std' = " + sigma + ")",
                p -> Samplers.addGaussianNoise(clean, sigma, settings().noiseSeed()));
        }
        final BufferedDataTable observedTable = EntriesTable.write(observed, exec.createSubExecutionContext(0.4));
        final BufferedDataTable heldOut;
        if (observed.size() == (long)w.numRows * w.numCols) {
            setWarningMessage("Every entry is observed: the unobserved (held-out) table is empty");
            final BufferedDataContainer empty = exec.createDataContainer(EntriesTable.spec());
            empty.close();
            heldOut = empty.getTable();
        } else {
            final Observations o = observed;
            final Observations rest =
                EngineCall.run(exec, "Collecting held-out entries", p -> Samplers.complement(o, w));
            heldOut = EntriesTable.write(rest, exec.createSubExecutionContext(0.4));
        }
        return new BufferedDataTable[]{observedTable, heldOut};
    }
}
