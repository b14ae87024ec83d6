package org.deepfact.knime.common;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
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
 * The <i>entries table</i> contract: one row per matrix entry with a 0-based row index, a 0-based
 * column index and a value. Written tables have the columns {@code row} (Integer),
 * {@code column} (Integer), {@code value} (Double) and row keys {@code Row0 ..}.
 * Read tables may use other column names ({@link EntryColumnSettings}), Integer or Long index
 * columns and any numeric value column.
 */
public final class EntriesTable {

    /** Name of the written row-index column. */
    public static final String ROW = "row";

    /** Name of the written column-index column. */
    public static final String COLUMN = "column";

    /** Name of the written value column. */
    public static final String VALUE = "value";

    /** Bytes per entry while reading: two int indices, one double value, one long position. */
    private static final long BYTES_PER_ENTRY = 4 + 4 + 8 + 8;

    /** Column indices of the selected row, column and value columns in an input spec. */
    public record Columns(int row, int column, int value) {
    }

    private EntriesTable() {
    }

    /** @return the spec of a written entries table */
    public static DataTableSpec spec() {
        return new DataTableSpec(new DataColumnSpecCreator(ROW, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COLUMN, IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(VALUE, DoubleCell.TYPE).createSpec());
    }

    /**
     * configure()-time check of an input entries table.
     *
     * @return where the selected columns are
     * @throws InvalidSettingsException naming the setting and column when one is missing or of the wrong type
     */
    public static Columns checkSpec(final DataTableSpec spec, final EntryColumnSettings s, final String portName)
        throws InvalidSettingsException {
        final String[] keys = s.keys();
        final int r = SpecChecks.column(spec, s.rowColumn(), keys[0], portName, IntValue.class, LongValue.class);
        final int c = SpecChecks.column(spec, s.columnColumn(), keys[1], portName, IntValue.class, LongValue.class);
        final int v = SpecChecks.column(spec, s.valueColumn(), keys[2], portName, DoubleValue.class);
        return new Columns(r, c, v);
    }

    /**
     * Reads the table into validated observations.
     *
     * @param rows matrix rows, or 0 to infer as max row index + 1
     * @param cols matrix columns, or 0 to infer as max column index + 1
     * @throws InvalidSettingsException when the spec does not fit the settings
     * @throws InvalidInputException naming the row key and column of a missing / NaN / negative cell,
     *         an index outside a given shape, a duplicate position, or an empty table
     * @throws InsufficientMemoryException when the heap cannot hold the entries
     * @throws CanceledExecutionException when canceled while reading
     */
    public static Observations read(final BufferedDataTable table, final EntryColumnSettings s, final int rows,
        final int cols, final String portName, final ExecutionMonitor exec) throws InvalidSettingsException,
        InvalidInputException, InsufficientMemoryException, CanceledExecutionException {
        final Columns where = checkSpec(table.getDataTableSpec(), s, portName);
        final int m = checkSize(table, BYTES_PER_ENTRY, portName);
        final int[] ri = new int[m];
        final int[] ci = new int[m];
        final double[] v = new double[m];
        final String[] keys = new String[m];
        int maxRow = -1;
        int maxCol = -1;
        int k = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                ri[k] = CellReader.index(row, where.row(), s.rowColumn());
                ci[k] = CellReader.index(row, where.column(), s.columnColumn());
                v[k] = CellReader.finiteDouble(row, where.value(), s.valueColumn());
                if (rows > 0 && ri[k] >= rows) {
                    throw new InvalidInputException(CellReader.where(row, s.rowColumn()) + ": row index " + ri[k]
                        + " is outside the " + rows + " x " + cols + " matrix (0-based, at most " + (rows - 1) + ")");
                }
                if (cols > 0 && ci[k] >= cols) {
                    throw new InvalidInputException(CellReader.where(row, s.columnColumn()) + ": column index "
                        + ci[k] + " is outside the " + rows + " x " + cols + " matrix (0-based, at most " + (cols - 1)
                        + ")");
                }
                maxRow = Math.max(maxRow, ri[k]);
                maxCol = Math.max(maxCol, ci[k]);
                keys[k] = row.getKey().getString();
                k++;
                if ((k & 0x3FF) == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double)k / m, "reading entry " + k + " / " + m);
                }
            }
        }
        final int nr = rows > 0 ? rows : maxRow + 1;
        final int nc = cols > 0 ? cols : maxCol + 1;
        try {
            return Observations.of(nr, nc, ri, ci, v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The " + portName + " table: " + withRowKeys(e.getMessage(), keys), e);
        }
    }

    /**
     * Checks, before reading, that an entries table has rows, fits into arrays and into the heap.
     *
     * @param bytesPerEntry heap the reader needs per entry
     * @return the number of entries
     * @throws InvalidInputException when the table is empty or has more rows than an array holds
     * @throws InsufficientMemoryException when the heap cannot hold the entries
     */
    public static int checkSize(final BufferedDataTable table, final long bytesPerEntry, final String portName)
        throws InvalidInputException, InsufficientMemoryException {
        final long size = table.size();
        if (size == 0) {
            throw new InvalidInputException("The " + portName + " table has no rows: at least one entry is needed");
        }
        if (size > Integer.MAX_VALUE - 8L) {
            throw new InvalidInputException("The " + portName + " table has " + size + " rows, more than supported");
        }
        MemoryCheck.requireBytes(size * bytesPerEntry, size + " entries of the " + portName + " table");
        return (int)size;
    }

    /** The engine names entries by their 0-based position; add the row keys a user can find. */
    public static String withRowKeys(final String message, final String[] keys) {
        final java.util.regex.Matcher mt = java.util.regex.Pattern.compile("Entr(?:y|ies) (\\d+)(?: and (\\d+))?")
            .matcher(message);
        if (!mt.find()) {
            return message;
        }
        final StringBuilder sb = new StringBuilder(message).append(" (row key '")
            .append(keys[Integer.parseInt(mt.group(1))]).append('\'');
        if (mt.group(2) != null) {
            sb.append(" and '").append(keys[Integer.parseInt(mt.group(2))]).append('\'');
        }
        return sb.append(')').toString();
    }

    /**
     * Writes every entry of a dense matrix, row-major, with {@link #spec()}.
     *
     * @param skipZeros when true, entries equal to 0 are left out (a sparse listing)
     * @throws CanceledExecutionException when canceled while writing
     */
    public static BufferedDataTable writeMatrix(final DMatrixRMaj m, final boolean skipZeros,
        final ExecutionContext exec) throws CanceledExecutionException {
        final BufferedDataContainer c = exec.createDataContainer(spec());
        long k = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                final double v = m.unsafe_get(i, j);
                if (!skipZeros || v != 0) {
                    c.addRowToTable(new DefaultRow(RowKey.createRowKey(k++),
                        new DataCell[]{new IntCell(i), new IntCell(j), new DoubleCell(v)}));
                }
            }
            exec.checkCanceled();
            exec.setProgress((double)(i + 1) / m.numRows, "row " + (i + 1) + " / " + m.numRows);
        }
        c.close();
        return c.getTable();
    }

    /**
     * Writes observations with {@link #spec()}, in the order they are stored.
     *
     * @throws CanceledExecutionException when canceled while writing
     */
    public static BufferedDataTable write(final Observations obs, final ExecutionContext exec)
        throws CanceledExecutionException {
        final BufferedDataContainer c = exec.createDataContainer(spec());
        for (int k = 0; k < obs.size(); k++) {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)k),
                new DataCell[]{new IntCell(obs.row(k)), new IntCell(obs.col(k)), new DoubleCell(obs.value(k))}));
            if ((k & 0x3FF) == 0) {
                exec.checkCanceled();
            }
        }
        c.close();
        return c.getTable();
    }
}
