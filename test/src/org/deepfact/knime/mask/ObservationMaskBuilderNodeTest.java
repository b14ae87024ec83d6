package org.deepfact.knime.mask;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.matrixTable;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.SettingsCalls;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.message.Message;

class ObservationMaskBuilderNodeTest {

    private final ExecutionContext exec = exec(new ObservationMaskBuilderNodeFactory());

    private final DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(6, 5, 2, 3));

    private static NodeSettings settings(final String scheme) {
        final ObservationMaskBuilderSettings s = new ObservationMaskBuilderSettings();
        s.m_scheme.setStringValue(scheme);
        s.m_count.setIntValue(12);
        s.m_perRow.setIntValue(2);
        s.m_probability.setDoubleValue(0.3);
        s.m_seed.setLongValue(9);
        final NodeSettings ns = new NodeSettings("s");
        s.saveTo(ns);
        return ns;
    }

    private static ObservationMaskBuilderNodeModel model(final NodeSettings ns) throws InvalidSettingsException {
        final ObservationMaskBuilderNodeModel m = new ObservationMaskBuilderNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    private static double[][] asRows(final Observations o) {
        final List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < o.size(); k++) {
            rows.add(new double[]{o.row(k), o.col(k), o.value(k)});
        }
        return rows.toArray(new double[0][]);
    }

    @Test
    void uniformCountWithNoiseEqualsTheEngine() throws Exception {
        final NodeSettings ns = settings("uniform_count");
        ns.addDouble("noise_std", 0.1);
        final ObservationMaskBuilderNodeModel m = model(ns);
        final BufferedDataTable in = matrixTable(exec, w);
        final DataTableSpec[] specs = m.configure(new DataTableSpec[]{in.getDataTableSpec()});
        assertArrayEquals(new DataTableSpec[]{EntriesTable.spec(), EntriesTable.spec()}, specs);
        final BufferedDataTable[] out = m.execute(new BufferedDataTable[]{in}, exec);
        assertSameStructure(specs[0], out[0].getDataTableSpec());
        assertSameStructure(specs[1], out[1].getDataTableSpec());
        final Observations clean = Samplers.uniform(w, 12, 9);
        final Observations noisy = Samplers.addGaussianNoise(clean, 0.1, 10);
        assertArrayEquals(asRows(noisy), toArray(out[0]));
        assertArrayEquals(asRows(Samplers.complement(noisy, w)), toArray(out[1]));
        assertEquals(30 - 12, out[1].size());
    }

    @Test
    void everySchemeCallsItsSampler() throws Exception {
        final BufferedDataTable in = matrixTable(exec, w);
        assertArrayEquals(asRows(Samplers.perRow(w, 2, 9)),
            toArray(model(settings("per_row")).execute(new BufferedDataTable[]{in}, exec)[0]));
        assertArrayEquals(asRows(Samplers.bernoulli(w, 0.3, 9)),
            toArray(model(settings("bernoulli")).execute(new BufferedDataTable[]{in}, exec)[0]));
        assertArrayEquals(asRows(Samplers.powerLaw(w, 12, 1.0, 9)),
            toArray(model(settings("power_law")).execute(new BufferedDataTable[]{in}, exec)[0]));
        assertArrayEquals(asRows(Samplers.uniformFraction(w, 0.2, 9)),
            toArray(model(settings("uniform_fraction")).execute(new BufferedDataTable[]{in}, exec)[0]));
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final NodeSettings ns = settings("power_law");
        ns.addDouble("exponent", 2.5);
        final ObservationMaskBuilderNodeModel m = model(ns);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals("power_law", back.getString("scheme"));
        assertEquals(2.5, back.getDouble("exponent"));
        assertEquals(9L, back.getLong("seed"));
        final NodeSettings bad = settings("stratified");
        final var e = assertThrows(InvalidSettingsException.class, () -> model(bad));
        assertTrue(e.getMessage().contains("'scheme'"), e.getMessage());
    }

    @Test
    void badInputsAndImpossibleCounts() throws Exception {
        final NodeSettings ns = settings("per_row");
        ns.addInt("per_row", 6);
        final var cols = assertThrows(InvalidSettingsException.class,
            () -> model(ns).configure(new DataTableSpec[]{matrixTable(exec, w).getDataTableSpec()}));
        assertTrue(cols.getMessage().contains("'per_row'"), cols.getMessage());
        final NodeSettings many = settings("uniform_count");
        many.addInt("count", 31);
        final var count = assertThrows(InvalidSettingsException.class,
            () -> model(many).execute(new BufferedDataTable[]{matrixTable(exec, w)}, exec));
        assertTrue(count.getMessage().contains("'count' = 31"), count.getMessage());
    }

    @Test
    void observingEverythingWarnsAndLeavesHeldOutEmpty() throws Exception {
        final NodeSettings ns = settings("uniform_count");
        ns.addInt("count", 30);
        final ObservationMaskBuilderNodeModel m = model(ns);
        final List<String> warnings = new ArrayList<>();
        m.addWarningListener(w -> warnings.add(Message.getSummaryFrom(w)));
        final BufferedDataTable[] out = m.execute(new BufferedDataTable[]{matrixTable(exec, w)}, exec);
        assertEquals(30, out[0].size());
        assertEquals(0, out[1].size());
        assertTrue(warnings.stream().anyMatch(s -> s != null && s.contains("empty")), warnings.toString());
    }
}
