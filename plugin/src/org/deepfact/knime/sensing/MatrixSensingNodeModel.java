package org.deepfact.knime.sensing;

import org.deepfact.knime.port.SensingKind;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Measures a matrix with the engine's {@link SensingOperator} of the chosen kind; outputs kind, seed, shape and y. */
final class MatrixSensingNodeModel extends StatelessNodeModel<MatrixSensingSettings> {

    static final String IN_MATRIX = "matrix";

    MatrixSensingNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{SensingProblemPortObject.TYPE},
            new MatrixSensingSettings());
    }

    static SensingProblemPortObjectSpec outputSpec(final MatrixSensingSettings s, final int cols) {
        return new SensingProblemPortObjectSpec(s.kind(), cols, s.m_measurements.getIntValue(),
            s.m_seed.getLongValue());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        final DataTableSpec in = SpecChecks.tableSpec(inSpecs, 0, IN_MATRIX);
        return new PortObjectSpec[]{outputSpec(settings(), MatrixTable.checkSpec(in, IN_MATRIX))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final DMatrixRMaj w = MatrixTable.read((BufferedDataTable)inObjects[0], IN_MATRIX, exec.createSubProgress(0.3));
        final SensingProblemPortObjectSpec spec = outputSpec(settings(), w.numCols);
        final SensingKind kind = spec.kind();
        if (kind.squareOnly() && w.numRows != w.numCols) {
            throw new InvalidSettingsException("'" + MatrixSensingSettings.LABEL_OPERATOR + "' (setting '"
                + MatrixSensingSettings.OPERATOR + "') = " + kind.id() + " measures square matrices only, got "
                + w.numRows + " x " + w.numCols + "; set it to '" + SensingKind.GAUSSIAN.id() + "'");
        }
        // one block of regenerated A_i at a time plus y (and the commuting kind's Q and D_i)
        MemoryCheck.requireBytes(MemoryCheck.matrixBytes(w.numRows, w.numCols, 4) + 8L * spec.measurements()
            + 8L * kind.extraDoubles(w.numRows, spec.measurements()),
            spec.measurements() + " sensing measurements of a " + w.numRows + " x " + w.numCols + " matrix");
        exec.setMessage("measuring: " + spec.measurements() + " " + kind.id() + " sensing matrices");
        final double[] y = EngineCall.run(exec, "Sensing measurements ('measurements' = " + spec.measurements() + ")",
            p -> kind.operator(w.numRows, w.numCols, spec.measurements(), spec.seed(),
                SensingOperator.Storage.REGENERATED).measure(w));
        return new PortObject[]{new SensingProblemPortObject(spec, w.numRows, y)};
    }
}
