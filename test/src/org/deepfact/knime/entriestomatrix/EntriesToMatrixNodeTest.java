package org.deepfact.knime.entriestomatrix;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.SettingsCalls;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

class EntriesToMatrixNodeTest {

    private final ExecutionContext exec = exec(new EntriesToMatrixNodeFactory());

    private BufferedDataTable entries() {
        return table(exec, EntriesTable.spec(), new Object[]{0, 2, 5.0}, new Object[]{1, 0, -1.0});
    }

    private static EntriesToMatrixNodeModel model(final NodeSettings ns) throws InvalidSettingsException {
        final EntriesToMatrixNodeModel m = new EntriesToMatrixNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    private static NodeSettings defaults() {
        final NodeSettings ns = new NodeSettings("s");
        new EntriesToMatrixSettings().saveTo(ns);
        return ns;
    }

    @Test
    void inferredShapeFillsWithZero() throws Exception {
        final EntriesToMatrixNodeModel m = model(defaults());
        assertNull(m.configure(new DataTableSpec[]{EntriesTable.spec()})[0], "shape unknown before execution");
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{entries()}, exec)[0];
        assertSameStructure(MatrixTable.spec(3), out.getDataTableSpec());
        assertArrayEquals(new double[][]{{0, 0, 5}, {-1, 0, 0}}, toArray(out));
    }

    @Test
    void givenShapeWithMissingCells() throws Exception {
        final NodeSettings ns = defaults();
        ns.addBoolean("infer_shape", false);
        ns.addInt("rows", 3);
        ns.addInt("cols", 4);
        ns.addString("missing", "missing_cell");
        final EntriesToMatrixNodeModel m = model(ns);
        final DataTableSpec spec = m.configure(new DataTableSpec[]{EntriesTable.spec()})[0];
        assertEquals(MatrixTable.spec(4), spec);
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{entries()}, exec)[0];
        assertSameStructure(spec, out.getDataTableSpec());
        final double[][] a = toArray(out);
        assertEquals(3, a.length);
        assertEquals(5.0, a[0][2]);
        assertTrue(Double.isNaN(a[0][0]) && Double.isNaN(a[2][3]), "missing cells where no entry");
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        final NodeSettings ns = defaults();
        ns.addString("value_column", "v");
        ns.addDouble("fill_value", -2.5);
        final EntriesToMatrixNodeModel m = model(ns);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals("v", back.getString("value_column"));
        assertEquals(-2.5, back.getDouble("fill_value"));
        ns.addString("missing", "zero");
        final var e = assertThrows(InvalidSettingsException.class, () -> model(ns));
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
    }

    @Test
    void badInputs() throws Exception {
        final NodeSettings ns = defaults();
        ns.addString("value_column", "weight");
        final var e = assertThrows(InvalidSettingsException.class,
            () -> model(ns).configure(new DataTableSpec[]{EntriesTable.spec()}));
        assertTrue(e.getMessage().contains("'weight'") && e.getMessage().contains("'value_column'"), e.getMessage());
        final NodeSettings fixed = defaults();
        fixed.addBoolean("infer_shape", false);
        fixed.addInt("rows", 1);
        final var out = assertThrows(InvalidInputException.class,
            () -> model(fixed).execute(new BufferedDataTable[]{entries()}, exec));
        assertTrue(out.getMessage().contains("Row 'Row1', column 'row'"), out.getMessage());
        final BufferedDataTable far = table(exec, EntriesTable.spec(), new Object[]{100_000, 100_000, 1.0});
        final var big = assertThrows(InvalidInputException.class,
            () -> model(defaults()).execute(new BufferedDataTable[]{far}, exec));
        assertTrue(big.getMessage().contains("100001 x 100001") && big.getMessage().contains("Java array"),
            big.getMessage());
    }
}
