package org.deepfact.knime.tensormask;

import static org.deepfact.knime.testing.NodeTestSupport.cells;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.tensor.TensorSpecs;
import org.deepfact.knime.tensor.TensorTable;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class TensorMaskNodeTest {

    /** The 2 x 3 x 2 tensor with value 100 i_1 + 10 i_2 + i_3, entries in the given order. */
    static BufferedDataTable tensor(final ExecutionContext exec, final boolean complete) {
        final java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 2; c++) {
                    if (complete || a + b + c > 0) {
                        rows.add(new Object[]{a, b, c, 100.0 * a + 10 * b + c});
                    }
                }
            }
        }
        return table(exec, TensorTable.spec(3), rows.toArray(Object[][]::new));
    }

    private static TensorMaskNodeModel model(final int count) throws InvalidSettingsException {
        final TensorMaskSettings s = new TensorMaskSettings();
        s.m_count.setIntValue(count);
        s.m_seed.setLongValue(3);
        final NodeSettings ns = new NodeSettings("t");
        s.saveTo(ns);
        final TensorMaskNodeModel m = new TensorMaskNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    @Test
    void observedAndUnobservedPartitionTheTensorWithTrueValues() throws Exception {
        final ExecutionContext exec = exec(new TensorMaskNodeFactory());
        final BufferedDataTable in = tensor(exec, true);
        final TensorMaskNodeModel m = model(5);
        final DataTableSpec[] specs = m.configure(new DataTableSpec[]{in.getDataTableSpec()});
        final BufferedDataTable[] out = m.execute(new BufferedDataTable[]{in}, exec);
        TensorSpecs.assertSameStructure(specs[0], out[0].getDataTableSpec());
        TensorSpecs.assertSameStructure(specs[1], out[1].getDataTableSpec());
        assertEquals(5, out[0].size());
        assertEquals(7, out[1].size());
        final boolean[] seen = new boolean[12];
        for (final BufferedDataTable t : out) {
            for (final DataCell[] r : cells(t)) {
                final int a = ((IntValue)r[0]).getIntValue();
                final int b = ((IntValue)r[1]).getIntValue();
                final int c = ((IntValue)r[2]).getIntValue();
                final int p = (a * 3 + b) * 2 + c;
                assertFalse(seen[p], "position " + p + " twice");
                seen[p] = true;
                assertEquals(100.0 * a + 10 * b + c, ((DoubleValue)r[3]).getDoubleValue(), 0.0);
            }
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        final ExecutionContext exec = exec(new TensorMaskNodeFactory());
        final InvalidInputException incomplete = assertThrows(InvalidInputException.class,
            () -> model(5).execute(new BufferedDataTable[]{tensor(exec, false)}, exec));
        assertTrue(incomplete.getMessage().contains("has 11 entries but its shape 2 x 3 x 2"), incomplete.getMessage());
        final InvalidSettingsException count = assertThrows(InvalidSettingsException.class,
            () -> model(12).execute(new BufferedDataTable[]{tensor(exec, true)}, exec));
        assertTrue(count.getMessage().contains("'count'"), count.getMessage());
        final DataTableSpec noIndex = new DataTableSpec(new String[]{"i_1", "value"},
            new org.knime.core.data.DataType[]{IntCell.TYPE, DoubleCell.TYPE});
        final InvalidSettingsException order = assertThrows(InvalidSettingsException.class,
            () -> model(5).configure(new DataTableSpec[]{noIndex}));
        assertTrue(order.getMessage().contains("found only i_1"), order.getMessage());
        final BufferedDataTable dup = table(exec, TensorTable.spec(2), new Object[]{0, 0, 1.0}, new Object[]{0, 1, 2.0},
            new Object[]{0, 0, 3.0});
        final InvalidInputException d = assertThrows(InvalidInputException.class,
            () -> model(1).execute(new BufferedDataTable[]{dup}, exec));
        assertTrue(d.getMessage().contains("Entries 0 and 2 both observe position (0, 0) (row key 'Row0' and 'Row2')"),
            d.getMessage());
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final TensorMaskNodeModel m = model(9);
        final NodeSettings back = new NodeSettings("back");
        SettingsCalls.save(m, back);
        final TensorMaskSettings s = new TensorMaskSettings();
        s.loadFrom(back);
        assertEquals(9, s.m_count.getIntValue());
        assertEquals(List.of("count", "seed", "noise_std"),
            back.keySet().stream().filter(k -> !k.endsWith("_Internals")).toList());
    }
}
