package org.deepfact.knime.tensor;

import org.deepfact.engine.tensor.TensorEntries;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.CellReader;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SpecChecks;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * The <i>tensor entries table</i> contract: one row per tensor entry with one 0-based index column
 * per mode, {@code i_1, i_2, ..., i_N} (Integer; Long is read too), and {@code value} (Double; any
 * numeric column is read). The order N is the number of consecutive {@code i_k} columns.
 */
public final class TensorTable {

    /** Index columns are named i_1 .. i_N. */
    public static final String INDEX_PREFIX = "i_";

    /** The value column. */
    public static final String VALUE = EntriesTable.VALUE;

    /** Bytes per entry while reading or writing: N ints, a double, a row key. */
    private static final long BYTES_PER_INDEX = 4;

    /** Read entries before the shape is known: indices, values and the row keys for messages. */
    public record Raw(int order, int[] indices, double[] values, String[] keys) {

        /** @return max index + 1 in every mode */
        public int[] extent() {
            int[] d = new int[order];
            for (int k = 0; k < values.length; k++) {
                for (int n = 0; n < order; n++) {
                    d[n] = Math.max(d[n], indices[k * order + n] + 1);
                }
            }
            return d;
        }
    }

    private TensorTable() {
    }

    /** @return the spec of a written tensor entries table of order N */
    public static DataTableSpec spec(final int order) {
        final DataColumnSpec[] cols = new DataColumnSpec[order + 1];
        for (int n = 0; n < order; n++) {
            cols[n] = new DataColumnSpecCreator(INDEX_PREFIX + (n + 1), IntCell.TYPE).createSpec();
        }
        cols[order] = new DataColumnSpecCreator(VALUE, DoubleCell.TYPE).createSpec();
        return new DataTableSpec(cols);
    }

    /**
     * configure()-time check.
     *
     * @return the order N: the number of columns i_1, i_2, ... present
     * @throws InvalidSettingsException when i_1, i_2 or value is missing or of the wrong type
     */
    public static int checkSpec(final DataTableSpec spec, final String portName) throws InvalidSettingsException {
        int order = 0;
        while (spec.containsName(INDEX_PREFIX + (order + 1))) {
            order++;
        }
        if (order < 2) {
            throw new InvalidSettingsException("The " + portName + " table needs index columns " + INDEX_PREFIX
                + "1, " + INDEX_PREFIX + "2, ... (one per mode, at least two) and '" + VALUE + "'; found "
                + (order == 0 ? "no " + INDEX_PREFIX + "1" : "only " + INDEX_PREFIX + "1"));
        }
        for (int n = 1; n <= order; n++) {
            SpecChecks.column(spec, INDEX_PREFIX + n, INDEX_PREFIX + n, portName, IntValue.class, LongValue.class);
        }
        SpecChecks.column(spec, VALUE, VALUE, portName, DoubleValue.class);
        return order;
    }

    /**
     * Reads a tensor entries table.
     *
     * @throws InvalidInputException naming row key and column of a missing, NaN or non-integer cell
     */
    public static Raw read(final BufferedDataTable table, final String portName, final ExecutionMonitor exec)
        throws InvalidSettingsException, InvalidInputException, InsufficientMemoryException,
        CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        final int order = checkSpec(spec, portName);
        final int m = EntriesTable.checkSize(table, 8 + order * BYTES_PER_INDEX + 8, portName);
        final int[] col = new int[order];
        for (int n = 0; n < order; n++) {
            col[n] = spec.findColumnIndex(INDEX_PREFIX + (n + 1));
        }
        final int valueCol = spec.findColumnIndex(VALUE);
        final int[] idx = new int[m * order];
        final double[] v = new double[m];
        final String[] keys = new String[m];
        int k = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                for (int n = 0; n < order; n++) {
                    idx[k * order + n] = CellReader.index(row, col[n], INDEX_PREFIX + (n + 1));
                }
                v[k] = CellReader.finiteDouble(row, valueCol, VALUE);
                keys[k] = row.getKey().getString();
                k++;
                if ((k & 0x3FF) == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double)k / m, "reading entry " + k + " / " + m);
                }
            }
        }
        return new Raw(order, idx, v, keys);
    }

    /**
     * @return the validated entries of a tensor of the given dimensions
     * @throws InvalidInputException with the engine's message (out of range, duplicate) and the row keys
     */
    public static TensorEntries entries(final Raw raw, final TensorShape shape, final String portName)
        throws InvalidInputException {
        try {
            return TensorEntries.ofFlat(shape, raw.indices(), raw.values());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The " + portName + " table: " + EntriesTable.withRowKeys(e.getMessage(), raw.keys()), e);
        }
    }

    /** Writes entries in their stored order. */
    public static BufferedDataTable write(final TensorEntries e, final ExecutionContext exec)
        throws CanceledExecutionException {
        final int order = e.shape().order();
        final BufferedDataContainer c = exec.createDataContainer(spec(order));
        for (int k = 0; k < e.size(); k++) {
            final DataCell[] cells = new DataCell[order + 1];
            for (int n = 0; n < order; n++) {
                cells[n] = new IntCell(e.index(k, n));
            }
            cells[order] = new DoubleCell(e.value(k));
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)k), cells));
            if ((k & 0x3FF) == 0) {
                exec.checkCanceled();
                exec.setProgress((double)k / e.size(), "writing entry " + k + " / " + e.size());
            }
        }
        c.close();
        return c.getTable();
    }

    /** Writes every entry of a dense row-major tensor, in linear order. */
    public static BufferedDataTable writeDense(final TensorShape shape, final double[] dense,
        final ExecutionContext exec) throws CanceledExecutionException {
        final int order = shape.order();
        final BufferedDataContainer c = exec.createDataContainer(spec(order));
        final int[] idx = new int[order];
        for (int p = 0; p < dense.length; p++) {
            shape.unravel(p, idx, 0);
            final DataCell[] cells = new DataCell[order + 1];
            for (int n = 0; n < order; n++) {
                cells[n] = new IntCell(idx[n]);
            }
            cells[order] = new DoubleCell(dense[p]);
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)p), cells));
            if ((p & 0x3FF) == 0) {
                exec.checkCanceled();
                exec.setProgress((double)p / dense.length, "writing entry " + p + " / " + dense.length);
            }
        }
        c.close();
        return c.getTable();
    }

    /** @return the dense row-major tensor of a complete entries table, or null when entries are missing */
    public static double[] denseIfComplete(final TensorEntries e) {
        if (e.size() != e.shape().size()) {
            return null;
        }
        final double[] d = new double[e.size()];
        for (int k = 0; k < e.size(); k++) {
            d[e.linear(k)] = e.value(k);
        }
        return d;
    }

    /** @return d x d x ... x d (order times) */
    public static TensorShape cube(final int order, final int modeSize) {
        final int[] dims = new int[order];
        java.util.Arrays.fill(dims, modeSize);
        return TensorShape.of(dims);
    }
}
