package org.deepfact.knime.matrixtoentries;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.matrixTable;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class MatrixToEntriesNodeTest {

    private final ExecutionContext exec = exec(new MatrixToEntriesNodeFactory());

    @Test
    void listsEveryEntryRowMajor() throws Exception {
        final MatrixToEntriesNodeModel m = new MatrixToEntriesNodeFactory().createNodeModel();
        final BufferedDataTable in = matrixTable(exec, "x", new double[][]{{1, 0}, {3, 4}});
        final DataTableSpec[] specs = m.configure(new DataTableSpec[]{in.getDataTableSpec()});
        assertEquals(EntriesTable.spec(), specs[0]);
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{in}, exec)[0];
        assertSameStructure(specs[0], out.getDataTableSpec());
        assertArrayEquals(new double[][]{{0, 0, 1}, {0, 1, 0}, {1, 0, 3}, {1, 1, 4}}, toArray(out));
    }

    @Test
    void skipZerosSettingRoundTripsAndApplies() throws Exception {
        final MatrixToEntriesNodeModel m = new MatrixToEntriesNodeFactory().createNodeModel();
        final NodeSettings ns = new NodeSettings("s");
        SettingsCalls.save(m, ns);
        assertEquals(false, ns.getBoolean("skip_zeros"));
        ns.addBoolean("skip_zeros", true);
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals(true, back.getBoolean("skip_zeros"));
        final BufferedDataTable in = matrixTable(exec, "x", new double[][]{{1, 0}, {0, 4}});
        assertArrayEquals(new double[][]{{0, 0, 1}, {1, 1, 4}}, toArray(m.execute(new BufferedDataTable[]{in}, exec)[0]));
        assertThrows(InvalidSettingsException.class,
            () -> SettingsCalls.validate(m, new NodeSettings("empty")));
    }

    @Test
    void badInputsGiveSpecificMessages() {
        final MatrixToEntriesNodeModel m = new MatrixToEntriesNodeFactory().createNodeModel();
        final DataTableSpec withText = new DataTableSpec(new String[]{"a", "label"},
            new DataType[]{DoubleCell.TYPE, StringCell.TYPE});
        final var e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[]{withText}));
        assertTrue(e.getMessage().contains("'label'"), e.getMessage());
        final DataTableSpec numeric = new DataTableSpec(new String[]{"a", "b"},
            new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE});
        final BufferedDataTable holes = table(exec, numeric, new Object[]{1.0, 2.0}, new Object[]{null, 2.0});
        final var miss = assertThrows(InvalidInputException.class,
            () -> m.execute(new BufferedDataTable[]{holes}, exec));
        assertTrue(miss.getMessage().contains("Row 'Row1', column 'a'"), miss.getMessage());
    }
}
