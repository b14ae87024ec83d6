package org.deepfact.knime.sensing;

import org.deepfact.knime.port.SensingKind;
import org.deepfact.knime.port.SensingProblemPortObject;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.matrixTable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.knime.common.SettingsCalls;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class MatrixSensingNodeTest {

    private final ExecutionContext exec = exec(new MatrixSensingNodeFactory());

    private final DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(4, 3, 1, 5));

    private static MatrixSensingNodeModel model(final int m, final long seed) throws InvalidSettingsException {
        return model(m, seed, "gaussian");
    }

    private static MatrixSensingNodeModel model(final int m, final long seed, final String operator)
        throws InvalidSettingsException {
        final NodeSettings ns = new NodeSettings("s");
        new MatrixSensingSettings().saveTo(ns);
        ns.addInt("measurements", m);
        ns.addLong("seed", seed);
        ns.addString("operator", operator);
        final MatrixSensingNodeModel model = new MatrixSensingNodeFactory().createNodeModel();
        SettingsCalls.validate(model, ns);
        SettingsCalls.load(model, ns);
        return model;
    }

    @Test
    void measurementsEqualTheEngineAndSpecsAgree() throws Exception {
        final MatrixSensingNodeModel m = model(7, 13);
        final BufferedDataTable in = matrixTable(exec, w);
        final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{in.getDataTableSpec()});
        final SensingProblemPortObject out =
            (SensingProblemPortObject)m.execute(new PortObject[]{in}, exec)[0];
        assertEquals(specs[0], out.getSpec());
        assertEquals(3, out.getSpec().cols());
        assertEquals(4, out.rows());
        final SensingOperator direct = SensingOperator.gaussian(4, 3, 7, 13);
        assertArrayEquals(direct.measure(w), out.measurementValues(), 0.0);
        assertArrayEquals(direct.matrix(6).data, out.operator().matrix(6).data, 0.0, "A_i regenerated from the seed");
        assertTrue(out.getSummary().contains("4 x 3"), out.getSummary());
    }

    @Test
    void settingsRoundTripAndLimit() throws Exception {
        final MatrixSensingNodeModel m = model(123, -4);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals(123, back.getInt("measurements"));
        assertEquals(-4L, back.getLong("seed"));
        final var e = assertThrows(InvalidSettingsException.class,
            () -> model(SensingProblemPortObject.MAX_MEASUREMENTS + 1, 1));
        assertTrue(e.getMessage().contains("'measurements'"), e.getMessage());
    }

    @Test
    void nonNumericInputFailsInConfigure() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new String[]{"x", "id"},
            new DataType[]{DoubleCell.TYPE, StringCell.TYPE});
        final var e = assertThrows(InvalidSettingsException.class,
            () -> model(3, 1).configure(new PortObjectSpec[]{spec}));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    }

    @Test
    void commutingAndSymmetricMeasurementsEqualTheEngines() throws Exception {
        final DMatrixRMaj square = GroundTruth.generate(GroundTruthSpec.of(5, 5, 1, 3)
            .withStructure(GroundTruthSpec.Structure.PSD));
        final BufferedDataTable in = matrixTable(exec, square);
        for (final String operator : new String[]{"commuting", "symmetric_gaussian"}) {
            final MatrixSensingNodeModel m = model(4, 21, operator);
            final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{in.getDataTableSpec()});
            final SensingProblemPortObject out = (SensingProblemPortObject)m.execute(new PortObject[]{in}, exec)[0];
            assertEquals(specs[0], out.getSpec());
            assertEquals(SensingKind.parse(operator), out.getSpec().kind());
            final SensingOperator direct = operator.equals("commuting") ? SensingOperator.commuting(5, 4, 21)
                : SensingOperator.symmetricGaussian(5, 4, 21);
            assertArrayEquals(direct.measure(square), out.measurementValues(), 0.0, operator);
            assertArrayEquals(direct.matrix(3).data, out.operator().matrix(3).data, 0.0, operator);
            assertTrue(out.getSummary().contains(operator), out.getSummary());
        }
    }

    @Test
    void aSquareOnlyOperatorOnARectangularMatrixNamesTheSetting() throws Exception {
        final BufferedDataTable in = matrixTable(exec, w);
        final var e = assertThrows(InvalidSettingsException.class,
            () -> model(4, 1, "commuting").execute(new PortObject[]{in}, exec));
        assertTrue(e.getMessage().contains("'operator'") && e.getMessage().contains("commuting")
            && e.getMessage().contains("4 x 3"), e.getMessage());
        final var unknown = assertThrows(InvalidSettingsException.class, () -> model(4, 1, "fourier"));
        assertTrue(unknown.getMessage().contains("'operator'"), unknown.getMessage());
    }
}
