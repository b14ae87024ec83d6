package org.deepfact.knime.spectrum;

import static org.deepfact.knime.testing.NodeTestSupport.assertBounds;
import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.matrixTable;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class MatrixSpectrumNodeTest {

    private final ExecutionContext exec = exec(new MatrixSpectrumNodeFactory());

    private static MatrixSpectrumNodeModel model(final NodeSettings ns) throws InvalidSettingsException {
        final MatrixSpectrumNodeModel m = new MatrixSpectrumNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    private static NodeSettings defaults() {
        final NodeSettings ns = new NodeSettings("s");
        new MatrixSpectrumSettings().saveTo(ns);
        return ns;
    }

    @Test
    void valuesAndSummaryEqualTheEngine() throws Exception {
        final DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(7, 5, 2, 11));
        final NodeSettings ns = defaults();
        ns.addInt("max_values", 3);
        final MatrixSpectrumNodeModel m = model(ns);
        final BufferedDataTable in = matrixTable(exec, w);
        final DataTableSpec[] specs = m.configure(new DataTableSpec[]{in.getDataTableSpec()});
        final BufferedDataTable[] out = m.execute(new BufferedDataTable[]{in}, exec);
        assertSameStructure(specs[0], out[0].getDataTableSpec());
        assertSameStructure(specs[1], out[1].getDataTableSpec());
        final Spectrum s = Spectrum.of(w);
        final double[][] values = toArray(out[0]);
        assertEquals(3, values.length);
        // a plot of the spectrum scales its axis to the computed bounds
        assertBounds(out[0], "singular_value", s.singularValue(2), s.singularValue(0));
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, values[i][0]);
            assertEquals(s.singularValue(i), values[i][1], 0.0);
            assertEquals(s.singularValue(i) / s.spectralNorm(), values[i][2], 0.0);
            assertEquals(s.cumulativeEnergy()[i], values[i][3], 0.0);
        }
        final double[] summary = toArray(out[1])[0];
        assertEquals(7, summary[0]);
        assertEquals(5, summary[1]);
        assertEquals(s.spectralNorm(), summary[2], 0.0);
        assertEquals(s.nuclearNorm(), summary[3], 0.0);
        assertEquals(s.frobeniusNorm(), summary[4], 0.0);
        assertEquals(2.0 / 3.0, summary[5], 0.0);
        assertEquals(s.schattenNorm(2.0 / 3.0), summary[6], 0.0);
        assertEquals(s.effectiveRank(), summary[7], 0.0);
        assertEquals(s.stableRank(), summary[8], 0.0);
        assertEquals(2, summary[9], "numerical rank of a rank-2 matrix");
        assertEquals(s.defaultRankTolerance(), summary[10], 0.0, "automatic tolerance, absolute");
        assertEquals(s.conditionNumber(), summary[11], 0.0);
    }

    @Test
    void settingsRoundTripAndBounds() throws Exception {
        final NodeSettings ns = defaults();
        ns.addDouble("schatten_p", 0.5);
        ns.addDouble("rank_tolerance", 1e-3);
        final MatrixSpectrumNodeModel m = model(ns);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals(0.5, back.getDouble("schatten_p"));
        assertEquals(1e-3, back.getDouble("rank_tolerance"));
        ns.addDouble("schatten_p", 0.0);
        final var e = assertThrows(InvalidSettingsException.class, () -> model(ns));
        assertTrue(e.getMessage().contains("'schatten_p'"), e.getMessage());
    }

    @Test
    void nanInputIsAnErrorNamingTheCell() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new String[]{"a", "b"},
            new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE});
        final BufferedDataTable in = table(exec, spec, new Object[]{1.0, Double.NaN});
        final var e = assertThrows(InvalidInputException.class,
            () -> model(defaults()).execute(new BufferedDataTable[]{in}, exec));
        assertTrue(e.getMessage().contains("Row 'Row0', column 'b'"), e.getMessage());
        final var none = assertThrows(InvalidSettingsException.class,
            () -> model(defaults()).configure(new DataTableSpec[]{null}));
        assertTrue(none.getMessage().contains("port 0"), none.getMessage());
    }
}
