package org.deepfact.knime.generator;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/** Generates a low-rank ground-truth matrix with {@link GroundTruth#generate(GroundTruthSpec)}. */
final class LowRankMatrixGeneratorNodeModel extends StatelessNodeModel<LowRankMatrixGeneratorSettings> {

    LowRankMatrixGeneratorNodeModel() {
        super(0, 1, new LowRankMatrixGeneratorSettings());
    }

    /** The output spec, shared by configure and execute. */
    static DataTableSpec outputSpec(final LowRankMatrixGeneratorSettings s) {
        return MatrixTable.spec(s.m_cols.getIntValue());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        final GroundTruthSpec spec = settings().toSpec();
        EngineCall.quick("Ground-truth settings", () -> {
            spec.validate();
            return null;
        });
        return new DataTableSpec[]{outputSpec(settings())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        settings().check();
        final GroundTruthSpec spec = settings().toSpec();
        // the matrix, the factors (rank columns each, at most the size of the matrix) and the output table's copy
        MemoryCheck.requireMatrices(spec.rows(), spec.cols(), 3, "the ground-truth matrix");
        exec.setMessage("generating " + spec.rows() + " x " + spec.cols() + " rank-" + spec.rank() + " matrix");
        final DMatrixRMaj w = EngineCall.run(exec.createSubExecutionContext(0.5), "Generating the ground truth",
            progress -> GroundTruth.generate(spec));
        final BufferedDataTable out = MatrixTable.write(w, exec.createSubExecutionContext(0.5));
        return new BufferedDataTable[]{out};
    }
}
