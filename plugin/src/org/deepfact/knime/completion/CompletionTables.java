package org.deepfact.knime.completion;

import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * Output tables shared by the completion nodes: the completed matrix (matrix-table contract)
 * and the key-to-index mapping.
 */
public final class CompletionTables {

    /** Prefix of the matrix table's column names: col_0, col_1, ... */
    public static final String MATRIX_COLUMN_PREFIX = "col_";

    public static final String MAP_AXIS = "axis";
    public static final String MAP_KEY = "key";
    public static final String MAP_INDEX = "index";
    public static final String AXIS_ROW = "row";
    public static final String AXIS_COLUMN = "column";

    private CompletionTables() {
    }

    /** @return one double column per matrix column, named col_0 .. col_{cols-1} */
    public static DataTableSpec matrixSpec(final int cols) {
        DataColumnSpec[] specs = new DataColumnSpec[cols];
        for (int j = 0; j < cols; j++) {
            specs[j] = new DataColumnSpecCreator(MATRIX_COLUMN_PREFIX + j, DoubleCell.TYPE).createSpec();
        }
        return new DataTableSpec(specs);
    }

    /** Writes a matrix table, one row per matrix row, row IDs Row0, Row1, ... */
    public static BufferedDataTable writeMatrix(final DMatrixRMaj m, final ExecutionContext exec)
        throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(matrixSpec(m.numCols));
        try {
            for (int i = 0; i < m.numRows; i++) {
                exec.checkCanceled();
                DataCell[] cells = new DataCell[m.numCols];
                for (int j = 0; j < m.numCols; j++) {
                    cells[j] = new DoubleCell(m.unsafe_get(i, j));
                }
                c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), cells));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /**
     * The type of the mapping's key column: Int in index mode; in ID mode Int (Long) when both key
     * columns are integer columns, otherwise String.
     *
     * @param rowKeyType type of the row-key column, or null when unknown (sensing input)
     */
    public static DataType mappingKeyType(final EntriesSettings s, final DataType rowKeyType,
        final DataType colKeyType) {
        if (!s.isIdMode() || rowKeyType == null || colKeyType == null) {
            return IntCell.TYPE;
        }
        if (isInt(rowKeyType) && isInt(colKeyType)) {
            return IntCell.TYPE;
        }
        if (rowKeyType.isCompatible(LongValue.class) && colKeyType.isCompatible(LongValue.class)) {
            return LongCell.TYPE;
        }
        return StringCell.TYPE;
    }

    private static boolean isInt(final DataType t) {
        return t.isCompatible(IntValue.class);
    }

    /** @return axis (String: "row" / "column"), key (see {@link #mappingKeyType}), index (Int) */
    public static DataTableSpec mappingSpec(final DataType keyType) {
        return new DataTableSpec(new DataColumnSpecCreator(MAP_AXIS, StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(MAP_KEY, keyType).createSpec(),
            new DataColumnSpecCreator(MAP_INDEX, IntCell.TYPE).createSpec());
    }

    /** Writes the mapping: all row keys in index order, then all column keys. */
    public static BufferedDataTable writeMapping(final KeyIndex rows, final KeyIndex cols, final DataType keyType,
        final ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer c = exec.createDataContainer(mappingSpec(keyType));
        long n = 0;
        try {
            for (int axis = 0; axis < 2; axis++) {
                KeyIndex k = axis == 0 ? rows : cols;
                StringCell name = new StringCell(axis == 0 ? AXIS_ROW : AXIS_COLUMN);
                for (int i = 0; i < k.size(); i++) {
                    if ((n & 1023) == 0) {
                        exec.checkCanceled();
                    }
                    c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), name, keyCell(k.key(i), keyType),
                        new IntCell(i)));
                }
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    private static DataCell keyCell(final Object key, final DataType type) {
        if (IntCell.TYPE.equals(type) && key instanceof Long) {
            return new IntCell((int)(long)(Long)key);
        }
        if (LongCell.TYPE.equals(type) && key instanceof Long) {
            return new LongCell((Long)key);
        }
        return new StringCell(key.toString());
    }
}
