package org.deepfact.knime.completion;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * The key-to-index mapping table of the completion nodes (the completed matrix is written with
 * the common {@code MatrixTable}).
 */
public final class CompletionTables {

    public static final String MAP_AXIS = "axis";
    public static final String MAP_KEY = "key";
    public static final String MAP_INDEX = "index";
    public static final String AXIS_ROW = "row";
    public static final String AXIS_COLUMN = "column";

    private CompletionTables() {
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
