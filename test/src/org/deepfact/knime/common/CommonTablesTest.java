package org.deepfact.knime.common;

import static org.deepfact.knime.testing.NodeTestSupport.assertBounds;
import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.deepfact.knime.testing.NodeTestSupport.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.deepfact.knime.testing.NoopNodeFactory;

class CommonTablesTest {

    private final ExecutionContext exec = exec();

    @Test
    void cellsWriteNaNAsMissingAndEveryOtherDoubleAsIs() {
        assertTrue(Cells.doubleOrMissing(Double.NaN).isMissing());
        for (double v : new double[]{1.5, -0.0, Double.POSITIVE_INFINITY}) {
            assertEquals(Double.doubleToRawLongBits(v),
                Double.doubleToRawLongBits(((DoubleCell)Cells.doubleOrMissing(v)).getDoubleValue()));
        }
    }

    @Test
    void matrixTableReadsIntLongAndDoubleColumnsAndWritesBack() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new String[]{"a", "b", "c"},
            new DataType[]{IntCell.TYPE, LongCell.TYPE, DoubleCell.TYPE});
        final DMatrixRMaj m = MatrixTable.read(table(exec, spec, new Object[]{1, 2L, 3.5}, new Object[]{-4, 5L, 6.0}),
            "matrix", exec);
        assertEquals(2, m.numRows);
        assertEquals(3, m.numCols);
        assertEquals(3.5, m.get(0, 2));
        assertEquals(-4, m.get(1, 0));
        final var out = MatrixTable.write(m, exec);
        assertSameStructure(MatrixTable.spec(3), out.getDataTableSpec());
        assertArrayEquals(new double[]{-4, 5, 6}, toArray(out)[1]);
    }

    @Test
    void missingCellAndNaNAreErrorsNamingRowAndColumn() {
        final DataTableSpec spec = new DataTableSpec(new String[]{"a", "b"},
            new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE});
        final var missing = assertThrows(InvalidInputException.class,
            () -> MatrixTable.read(table(exec, spec, new Object[]{1.0, 2.0}, new Object[]{3.0, null}), "matrix", exec));
        assertTrue(missing.getMessage().contains("Row 'Row1', column 'b'"), missing.getMessage());
        final var nan = assertThrows(InvalidInputException.class,
            () -> MatrixTable.read(table(exec, spec, new Object[]{Double.NaN, 2.0}), "matrix", exec));
        assertTrue(nan.getMessage().contains("Row 'Row0', column 'a'"), nan.getMessage());
    }

    @Test
    void nonNumericColumnFailsTheSpecCheck() {
        final DataTableSpec spec = new DataTableSpec(new String[]{"a", "name"},
            new DataType[]{DoubleCell.TYPE, StringCell.TYPE});
        final var e = assertThrows(InvalidSettingsException.class, () -> MatrixTable.checkSpec(spec, "ground truth"));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void entriesRoundTripAndShapeInference() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new String[]{"i", "j", "y"},
            new DataType[]{LongCell.TYPE, IntCell.TYPE, IntCell.TYPE});
        final EntryColumnSettings s = new EntryColumnSettings();
        s.rowModel().setStringValue("i");
        s.columnModel().setStringValue("j");
        s.valueModel().setStringValue("y");
        final Observations obs = EntriesTable.read(table(exec, spec, new Object[]{2L, 0, 7}, new Object[]{0L, 3, -1}),
            s, 0, 0, "entries", exec);
        assertEquals(3, obs.rows());
        assertEquals(4, obs.cols());
        assertEquals(7.0, obs.value(0));
        final var out = EntriesTable.write(obs, exec);
        assertSameStructure(EntriesTable.spec(), out.getDataTableSpec());
        assertArrayEquals(new double[]{0, 3, -1}, toArray(out)[1]);
        // the index bounds tell downstream nodes and views the matrix shape the entries span
        assertBounds(out, EntriesTable.ROW, 0, 2);
        assertBounds(out, EntriesTable.COLUMN, 0, 3);
        assertBounds(out, EntriesTable.VALUE, -1, 7);
    }

    @Test
    void entriesErrorsNameTheRow() {
        final DataTableSpec spec = EntriesTable.spec();
        final EntryColumnSettings s = new EntryColumnSettings();
        final var dup = assertThrows(InvalidInputException.class, () -> EntriesTable.read(
            table(exec, spec, new Object[]{0, 0, 1.0}, new Object[]{0, 0, 2.0}), s, 0, 0, "entries", exec));
        assertTrue(dup.getMessage().contains("'Row0' and 'Row1'"), dup.getMessage());
        final var out = assertThrows(InvalidInputException.class, () -> EntriesTable.read(
            table(exec, spec, new Object[]{0, 5, 1.0}), s, 2, 2, "entries", exec));
        assertTrue(out.getMessage().contains("Row 'Row0', column 'column'"), out.getMessage());
        final var neg = assertThrows(InvalidInputException.class, () -> EntriesTable.read(
            table(exec, spec, new Object[]{-1, 0, 1.0}), s, 0, 0, "entries", exec));
        assertTrue(neg.getMessage().contains("Row 'Row0', column 'row'"), neg.getMessage());
    }

    @Test
    void entrySpecCheckNamesSettingKey() {
        final DataTableSpec spec = new DataTableSpec(new String[]{"row", "column", "value"},
            new DataType[]{DoubleCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        final var e = assertThrows(InvalidSettingsException.class,
            () -> EntriesTable.checkSpec(spec, new EntryColumnSettings(), "observed entries"));
        assertTrue(e.getMessage().contains("'row_column'"), e.getMessage());
    }

    @Test
    void entryColumnSettingsRoundTripAndValidation() throws Exception {
        final EntryColumnSettings s = new EntryColumnSettings("observed_");
        final NodeSettings ns = new NodeSettings("x");
        s.saveTo(ns);
        assertEquals(java.util.Set.of("observed_row_column", "observed_column_column", "observed_value_column"),
            ns.keySet().stream().filter(k -> !k.endsWith("_Internals")).collect(java.util.stream.Collectors.toSet()));
        s.validate(ns);
        ns.addString("observed_value_column", "row");
        final var e = assertThrows(InvalidSettingsException.class, () -> s.validate(ns));
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
    }

    @Test
    void memoryCheckSaysNeededAvailableAndShape() {
        final var e = assertThrows(InsufficientMemoryException.class,
            () -> MemoryCheck.requireMatrices(1_000_000, 1_000_000, 1, "the test matrix"));
        assertTrue(e.getMessage().contains("1000000 x 1000000"), e.getMessage());
        assertTrue(e.getMessage().contains("7.3 TiB"), e.getMessage());
        assertTrue(e.getMessage().contains("available"), e.getMessage());
    }

    @Test
    void engineCallTranslatesCancellationAndArguments() {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final ExecutionContext ctx = exec(new NoopNodeFactory(), monitor);
        final Object r = assertDoesNotThrow(() -> EngineCall.run(ctx, "x", p -> {
            p.progress(0.5, "half");
            assertFalse(p.isCanceled());
            return "ok";
        }));
        assertEquals("ok", r);
        assertEquals(0.5, monitor.getProgress(), 1e-12);
        assertEquals("half", monitor.getMessage());
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> EngineCall.run(ctx, "x", p -> {
            p.checkCanceled();
            return null;
        }));
        assertThrows(CanceledExecutionException.class, () -> EngineCall.run(exec(), "x", p -> {
            throw new OperationCanceledException();
        }));
        final var e = assertThrows(InvalidSettingsException.class, () -> EngineCall.run(exec(), "Sampling", p -> {
            throw new IllegalArgumentException("p must be in (0, 1]");
        }));
        assertEquals("Sampling: p must be in (0, 1]", e.getMessage());
    }

    private static <T> T assertDoesNotThrow(final org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }
}
