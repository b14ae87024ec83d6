package org.deepfact.knime.tensorgenerator;

import static org.deepfact.knime.testing.NodeTestSupport.cells;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.tensor.TensorGroundTruth;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.tensor.TensorSpecs;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class LowRankTensorGeneratorNodeTest {

    static NodeSettings settings(final int order, final int d, final int rank) {
        final LowRankTensorGeneratorSettings s = new LowRankTensorGeneratorSettings();
        s.m_order.setIntValue(order);
        s.m_modeSize.setIntValue(d);
        s.m_rank.setIntValue(rank);
        s.m_seed.setLongValue(7);
        final NodeSettings ns = new NodeSettings("test");
        s.saveTo(ns);
        return ns;
    }

    static LowRankTensorGeneratorNodeModel model(final NodeSettings ns) throws InvalidSettingsException {
        final LowRankTensorGeneratorNodeModel m = new LowRankTensorGeneratorNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    @Test
    void configureAndExecuteAgreeAndMatchTheEngine() throws Exception {
        final LowRankTensorGeneratorNodeModel m = model(settings(4, 3, 2));
        final DataTableSpec spec = m.configure(new DataTableSpec[0])[0];
        assertArrayEquals(new String[]{"i_1", "i_2", "i_3", "i_4", "value"}, spec.getColumnNames());
        final BufferedDataTable out = m.execute(new BufferedDataTable[0], exec(new LowRankTensorGeneratorNodeFactory()))[0];
        TensorSpecs.assertSameStructure(spec, out.getDataTableSpec());
        final double[] expected = TensorGroundTruth.generate(TensorShape.of(3, 3, 3, 3), 2, 1.0, 7).dense();
        final List<DataCell[]> rows = cells(out);
        assertEquals(81, rows.size());
        for (int p = 0; p < 81; p++) {
            final DataCell[] r = rows.get(p);
            final int linear = ((((IntValue)r[0]).getIntValue() * 3 + ((IntValue)r[1]).getIntValue()) * 3
                + ((IntValue)r[2]).getIntValue()) * 3 + ((IntValue)r[3]).getIntValue();
            assertEquals(p, linear, "row-major order");
            assertEquals(expected[p], ((DoubleValue)r[4]).getDoubleValue(), 0.0);
        }
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final LowRankTensorGeneratorNodeModel m = model(settings(3, 5, 4));
        final NodeSettings back = new NodeSettings("back");
        SettingsCalls.save(m, back);
        final LowRankTensorGeneratorSettings s = new LowRankTensorGeneratorSettings();
        s.loadFrom(back);
        assertEquals(5, s.m_modeSize.getIntValue());
        assertEquals(4, s.m_rank.getIntValue());
        assertEquals(7L, s.m_seed.getLongValue());
        assertArrayEquals(new String[]{"order", "mode_size", "rank", "frobenius_norm", "seed"},
            back.keySet().stream().filter(k -> !k.endsWith("_Internals")).toArray(String[]::new));
    }

    @Test
    void invalidSettingsNameTheirKeys() {
        final NodeSettings big = settings(8, 10, 2);
        final var e = assertThrows(InvalidSettingsException.class, () -> model(big).configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains("'mode_size'") && e.getMessage().contains("50000000"), e.getMessage());
        final NodeSettings order = settings(3, 4, 2);
        order.addInt("order", 9);
        final var o = assertThrows(InvalidSettingsException.class, () -> model(order));
        assertTrue(o.getMessage().contains("order"), o.getMessage());
    }
}
