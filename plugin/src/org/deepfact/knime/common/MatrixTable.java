package org.deepfact.knime.common;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * The <i>matrix table</i> contract: one row per matrix row, one numeric column per matrix column.
 * Reading accepts any column compatible with {@link DoubleValue}; writing produces Double columns
 * {@code col_0 .. col_{n-1}} and row keys {@code Row0 ..}.
 */
public final class MatrixTable {

    /** Prefix of the written column names: {@code col_0}, {@code col_1}, ... */
    public static final String COLUMN_PREFIX = "col_";

    private MatrixTable() {
    }

    /** @return the name of written column {@code j} */
    public static String columnName(final int j) {
        return COLUMN_PREFIX + j;
    }

    /** @return the spec of a written matrix table with {@code cols} columns */
    public static DataTableSpec spec(final int cols) {
        final DataColumnSpec[] specs = new DataColumnSpec[cols];
        for (int j = 0; j < cols; j++) {
            specs[j] = new DataColumnSpecCreator(columnName(j), DoubleCell.TYPE).createSpec();
        }
        return new DataTableSpec(specs);
    }

    /**
     * configure()-time check of an input matrix table.
     *
     * @return the number of matrix columns
     * @throws InvalidSettingsException when the table has no columns or a non-numeric column (named)
     */
    public static int checkSpec(final DataTableSpec spec, final String portName) throws InvalidSettingsException {
        if (spec.getNumColumns() == 0) {
            throw new InvalidSettingsException("The " + portName
                + " table has no columns: a matrix table needs one numeric column per matrix column");
        }
        for (final DataColumnSpec c : spec) {
            if (!c.getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("Column '" + c.getName() + "' of the " + portName
                    + " table has type " + c.getType() + ": a matrix table must have only numeric columns "
                    + "(filter the others out, e.g. with the Column Filter node)");
            }
        }
        return spec.getNumColumns();
    }

    /**
     * Reads the table into a new dense matrix after a memory check.
     *
     * @throws InvalidSettingsException when the spec is not a matrix table
     * @throws InvalidInputException on a missing / NaN / infinite cell (row key and column named), or no rows
     * @throws InsufficientMemoryException when the heap cannot hold the matrix
     * @throws CanceledExecutionException when canceled while reading
     */
    public static DMatrixRMaj read(final BufferedDataTable table, final String portName, final ExecutionMonitor exec)
        throws InvalidSettingsException, InvalidInputException, InsufficientMemoryException,
        CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        final int cols = checkSpec(spec, portName);
        final long rows = table.size();
        if (rows == 0) {
            throw new InvalidInputException("The " + portName + " table has no rows: a matrix needs at least one");
        }
        requireArraySize(rows, cols, "The " + portName + " matrix");
        MemoryCheck.requireMatrices(rows, cols, 1, "the " + portName + " matrix");
        final String[] names = spec.getColumnNames();
        final DMatrixRMaj m = new DMatrixRMaj((int)rows, cols);
        int i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                final DataRow row = it.next();
                for (int j = 0; j < cols; j++) {
                    m.unsafe_set(i, j, CellReader.finiteDouble(row, j, names[j]));
                }
                i++;
                if ((i & 0xFF) == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double)i / rows, "reading row " + i + " / " + rows);
                }
            }
        }
        return m;
    }

    /**
     * @param what the matrix, capitalised, e.g. "The ground truth matrix" (start of the message)
     * @throws InvalidInputException when a dense rows x cols matrix exceeds what one Java array holds
     */
    public static void requireArraySize(final long rows, final long cols, final String what)
        throws InvalidInputException {
        if (rows * cols > Integer.MAX_VALUE - 8L) {
            throw new InvalidInputException(what + " (" + rows + " x " + cols
                + ") has more entries than a Java array can hold");
        }
    }

    /**
     * Writes the matrix as a matrix table with {@link #spec(int)}.
     *
     * @throws CanceledExecutionException when canceled while writing
     */
    public static BufferedDataTable write(final DMatrixRMaj m, final ExecutionContext exec)
        throws CanceledExecutionException {
        return write(m, null, exec);
    }

    /**
     * Writes the matrix as a matrix table with {@link #spec(int)}; positions where {@code present}
     * is false become missing cells.
     *
     * @param present row-major flags (length rows * cols), or null when every entry is present
     * @throws CanceledExecutionException when canceled while writing
     */
    public static BufferedDataTable write(final DMatrixRMaj m, final boolean[] present, final ExecutionContext exec)
        throws CanceledExecutionException {
        final BufferedDataContainer c = exec.createDataContainer(spec(m.numCols));
        for (int i = 0; i < m.numRows; i++) {
            final DataCell[] cells = new DataCell[m.numCols];
            for (int j = 0; j < m.numCols; j++) {
                cells[j] = present == null || present[i * m.numCols + j] ? new DoubleCell(m.unsafe_get(i, j))
                    : DataType.getMissingCell();
            }
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), cells));
            if ((i & 0xFF) == 0) {
                exec.checkCanceled();
            }
        }
        c.close();
        return c.getTable();
    }
}
