package org.deepfact.knime.generator;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.SettingsCalls;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class LowRankMatrixGeneratorNodeTest {

    private static NodeSettings settings(final int rows, final int cols, final int rank, final String structure,
        final String profile) {
        final LowRankMatrixGeneratorSettings s = new LowRankMatrixGeneratorSettings();
        s.m_rows.setIntValue(rows);
        s.m_cols.setIntValue(cols);
        s.m_rank.setIntValue(rank);
        s.m_seed.setLongValue(42);
        s.m_structure.setStringValue(structure);
        s.m_profile.setStringValue(profile);
        s.m_condition.setDoubleValue(100);
        final NodeSettings ns = new NodeSettings("test");
        s.saveTo(ns);
        return ns;
    }

    private static LowRankMatrixGeneratorNodeModel model(final NodeSettings ns) throws InvalidSettingsException {
        final LowRankMatrixGeneratorNodeModel m = new LowRankMatrixGeneratorNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    @Test
    void configureAndExecuteAgreeAndMatchTheEngine() throws Exception {
        final LowRankMatrixGeneratorNodeModel m = model(settings(6, 4, 2, "general", "geometric"));
        final DataTableSpec[] specs = m.configure(new DataTableSpec[0]);
        assertEquals(MatrixTable.spec(4), specs[0]);
        final BufferedDataTable out = m.execute(new BufferedDataTable[0], exec(new LowRankMatrixGeneratorNodeFactory()))[0];
        assertSameStructure(specs[0], out.getDataTableSpec());
        final DMatrixRMaj expected = GroundTruth.generate(
            new GroundTruthSpec(6, 4, 2, 42, GroundTruthSpec.Structure.GENERAL, 100));
        final double[][] got = toArray(out);
        assertEquals(6, got.length);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected.get(i, j), got[i][j], 0.0, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void psdWithGaussianProfileMapsToTheEngineSpec() throws Exception {
        final LowRankMatrixGeneratorSettings s = new LowRankMatrixGeneratorSettings();
        s.loadFrom(settings(5, 5, 3, "psd", "gaussian"));
        final GroundTruthSpec spec = s.toSpec();
        assertEquals(GroundTruthSpec.Structure.PSD, spec.structure());
        assertTrue(Double.isNaN(spec.conditionNumber()));
        assertEquals(42, spec.seed());
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final NodeSettings ns = settings(7, 7, 3, "symmetric_indefinite", "geometric");
        final LowRankMatrixGeneratorNodeModel m = model(ns);
        final NodeSettings back = new NodeSettings("back");
        SettingsCalls.save(m, back);
        final LowRankMatrixGeneratorSettings s = new LowRankMatrixGeneratorSettings();
        s.loadFrom(back);
        assertEquals(7, s.m_rows.getIntValue());
        assertEquals("symmetric_indefinite", s.m_structure.getStringValue());
        assertEquals(100.0, s.m_condition.getDoubleValue());
        assertArrayEquals(new String[]{"rows", "cols", "rank", "seed", "structure", "profile", "condition_number"},
            back.keySet().stream().filter(k -> !k.endsWith("_Internals")).toArray(String[]::new));
    }

    @Test
    void oldWorkflowsSymmetricLoadsAsTheRenamedIndefiniteStructure() throws Exception {
        final LowRankMatrixGeneratorSettings s = new LowRankMatrixGeneratorSettings();
        s.loadFrom(settings(6, 6, 2, "symmetric", "gaussian"));
        assertEquals("symmetric_indefinite", s.m_structure.getStringValue());
        assertEquals(GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE, s.toSpec().structure());
        final NodeSettings back = new NodeSettings("back");
        s.saveTo(back);
        assertEquals("symmetric_indefinite", back.getString("structure"));
    }

    @Test
    void invalidSettingsNameTheirKeys() {
        final var rank = assertThrows(InvalidSettingsException.class,
            () -> model(settings(4, 3, 4, "general", "gaussian")));
        assertTrue(rank.getMessage().contains("'rank'"), rank.getMessage());
        final var square = assertThrows(InvalidSettingsException.class,
            () -> model(settings(4, 3, 2, "psd", "gaussian")));
        assertTrue(square.getMessage().contains("'structure'"), square.getMessage());
        final NodeSettings bad = settings(4, 4, 2, "general", "gaussian");
        bad.addString("profile", "cauchy");
        final var choice = assertThrows(InvalidSettingsException.class, () -> model(bad));
        assertTrue(choice.getMessage().contains("'profile'"), choice.getMessage());
        final NodeSettings neg = settings(4, 4, 2, "general", "gaussian");
        neg.addInt("rows", 0);
        final var rows = assertThrows(InvalidSettingsException.class, () -> model(neg));
        assertTrue(rows.getMessage().contains("'rows'"), rows.getMessage());
    }
}
