package org.deepfact.knime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.filestore.internal.NotInWorkflowDataRepository;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.workflow.SingleNodeContainer;

/**
 * Small helpers for node tests against KNIME's API (stand-in offline, real KNIME in a release
 * build): an {@link ExecutionContext} for a factory, tables from Java values, tables back to arrays.
 */
public final class NodeTestSupport {

    private NodeTestSupport() {
    }

    /** @return an execution context of a do-nothing node */
    public static ExecutionContext exec() {
        return exec(new NoopNodeFactory());
    }

    /** @return an execution context as KNIME's own tests build it, with its own progress monitor */
    public static ExecutionContext exec(final NodeFactory<? extends NodeModel> factory) {
        return exec(factory, new DefaultNodeProgressMonitor());
    }

    /**
     * Cancels {@code monitor} 300 ms into {@code execute} (a long node execution on a context made
     * with that monitor) and asserts that the node stops with {@link CanceledExecutionException}
     * within 250 ms of the cancel.
     */
    public static void assertCancelsPromptly(final DefaultNodeProgressMonitor monitor, final Executable execute)
        throws InterruptedException {
        final long[] canceledAt = new long[1];
        final Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            canceledAt[0] = System.nanoTime();
            monitor.setExecuteCanceled();
        });
        canceller.start();
        assertThrows(CanceledExecutionException.class, execute);
        final long latency = System.nanoTime() - canceledAt[0];
        canceller.join();
        assertTrue(canceledAt[0] > 0, "the node finished before it was canceled");
        assertTrue(latency < 250_000_000L, "cancel took " + latency / 1e6 + " ms");
    }

    /** @return an execution context reporting to {@code monitor} (cancel it with setExecuteCanceled()) */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ExecutionContext exec(final NodeFactory<? extends NodeModel> factory,
        final DefaultNodeProgressMonitor monitor) {
        return new ExecutionContext(monitor, new Node((NodeFactory)factory),
            SingleNodeContainer.MemoryPolicy.CacheSmallInMemory, NotInWorkflowDataRepository.newInstance());
    }

    /**
     * @param rows each value: Integer, Long, Double, String, or null for a missing cell
     * @return a table with row keys Row0, Row1, ...
     */
    public static BufferedDataTable table(final ExecutionContext exec, final DataTableSpec spec,
        final Object[]... rows) {
        final BufferedDataContainer c = exec.createDataContainer(spec);
        for (int i = 0; i < rows.length; i++) {
            final DataCell[] cells = new DataCell[rows[i].length];
            for (int j = 0; j < cells.length; j++) {
                cells[j] = cell(rows[i][j]);
            }
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), cells));
        }
        c.close();
        return c.getTable();
    }

    /** @return a matrix table of Double columns named {@code prefix0 ..} */
    public static BufferedDataTable matrixTable(final ExecutionContext exec, final String prefix,
        final double[][] m) {
        final String[] names = new String[m[0].length];
        final DataType[] types = new DataType[names.length];
        for (int j = 0; j < names.length; j++) {
            names[j] = prefix + j;
            types[j] = DoubleCell.TYPE;
        }
        final Object[][] rows = new Object[m.length][];
        for (int i = 0; i < m.length; i++) {
            rows[i] = new Object[names.length];
            for (int j = 0; j < names.length; j++) {
                rows[i][j] = m[i][j];
            }
        }
        return table(exec, new DataTableSpec(names, types), rows);
    }

    /** @return a matrix table of the EJML matrix */
    public static BufferedDataTable matrixTable(final ExecutionContext exec, final DMatrixRMaj m) {
        return matrixTable(exec, "c", EntriesFixture.toArray(m));
    }

    /** @return the cells read through DoubleValue; a missing or non-numeric (e.g. String) cell becomes NaN */
    public static double[][] toArray(final BufferedDataTable table) {
        final List<double[]> out = new ArrayList<>();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                final double[] r = new double[row.getNumCells()];
                for (int j = 0; j < r.length; j++) {
                    final DataCell c = row.getCell(j);
                    r[j] = c instanceof DoubleValue d && !c.isMissing() ? d.getDoubleValue() : Double.NaN;
                }
                out.add(r);
            }
        }
        return out.toArray(new double[0][]);
    }

    /** @return all rows' cells */
    public static List<DataCell[]> cells(final BufferedDataTable table) {
        final List<DataCell[]> out = new ArrayList<>();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                final DataCell[] r = new DataCell[row.getNumCells()];
                for (int j = 0; j < r.length; j++) {
                    r[j] = row.getCell(j);
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Asserts what KNIME promises between configure and execute: the same column names and types in the same order.
     * ({@code equals} would also compare the domains, which only the execute-time spec has.)
     */
    public static void assertSameStructure(final DataTableSpec expected, final DataTableSpec actual) {
        assertSameStructure(expected, actual, "");
    }

    /** @see #assertSameStructure(DataTableSpec, DataTableSpec) */
    public static void assertSameStructure(final DataTableSpec expected, final DataTableSpec actual,
        final String message) {
        assertNotNull(expected, message + ": no configure-time spec");
        assertTrue(expected.equalStructure(actual), () -> message + ": expected columns " + expected + ", got " + actual);
    }

    /** Asserts the bounds a container computed for a numeric column (what plots downstream scale their axes to). */
    public static void assertBounds(final BufferedDataTable table, final String column, final double lower,
        final double upper) {
        final DataColumnDomain d = table.getDataTableSpec().getColumnSpec(column).getDomain();
        assertTrue(d.hasBounds(), () -> column + " has no bounds: " + d);
        assertEquals(lower, ((DoubleValue)d.getLowerBound()).getDoubleValue(), 0.0, column + " lower bound");
        assertEquals(upper, ((DoubleValue)d.getUpperBound()).getDoubleValue(), 0.0, column + " upper bound");
    }

    /** @return a string column's possible values as the container computed them, in order; null if unknown */
    public static List<String> possibleValues(final BufferedDataTable table, final String column) {
        final DataColumnDomain d = table.getDataTableSpec().getColumnSpec(column).getDomain();
        return d.hasValues() ? d.getValues().stream().map(DataCell::toString).toList() : null;
    }

    private static DataCell cell(final Object v) {
        if (v == null) {
            return DataType.getMissingCell();
        } else if (v instanceof Integer i) {
            return new IntCell(i);
        } else if (v instanceof Long l) {
            return new LongCell(l);
        } else if (v instanceof Double d) {
            return new DoubleCell(d);
        } else if (v instanceof String s) {
            return new StringCell(s);
        }
        throw new IllegalArgumentException("Unsupported test value " + v + " (" + v.getClass() + ")");
    }
}
