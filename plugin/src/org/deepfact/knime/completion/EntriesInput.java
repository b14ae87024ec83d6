package org.deepfact.knime.completion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Reads entries tables (observed and optional held-out) and matrix tables into engine data for
 * the completion nodes. Spec checks ({@code check*}) run in configure; {@link #read} in execute.
 *
 * <p>Missing-value policy: a missing cell or a NaN / infinite value is an error naming the row
 * ID and the column; so is a duplicate (row, column) position. Numbers are read through
 * {@link DoubleValue} / {@link LongValue} / {@link IntValue}, so any numeric column type works.
 */
public final class EntriesInput {

    private EntriesInput() {
    }

    /** The entries read, with their key mappings. */
    public static final class Data {
        private final Observations m_observed;
        private final Observations m_heldOut;
        private final KeyIndex m_rows;
        private final KeyIndex m_cols;

        Data(final Observations observed, final Observations heldOut, final KeyIndex rows, final KeyIndex cols) {
            m_observed = observed;
            m_heldOut = heldOut;
            m_rows = rows;
            m_cols = cols;
        }

        public Observations observed() {
            return m_observed;
        }

        /** @return held-out entries or null */
        public Observations heldOut() {
            return m_heldOut;
        }

        public KeyIndex rowKeys() {
            return m_rows;
        }

        public KeyIndex colKeys() {
            return m_cols;
        }
    }

    /**
     * Checks that an entries table has the configured columns with usable types.
     *
     * @param what e.g. "Observed entries table", used in messages
     */
    public static void checkEntriesSpec(final DataTableSpec spec, final EntriesSettings s, final String what)
        throws InvalidSettingsException {
        checkKeyColumn(spec, s.rowColumn(), EntriesSettings.KEY_ROW_COLUMN, s.isIdMode(), what);
        checkKeyColumn(spec, s.columnColumn(), EntriesSettings.KEY_COLUMN_COLUMN, s.isIdMode(), what);
        DataColumnSpec v = column(spec, s.valueColumn(), EntriesSettings.KEY_VALUE_COLUMN, what);
        if (!v.getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException(what + ": value column '" + s.valueColumn() + "' (setting '"
                + EntriesSettings.KEY_VALUE_COLUMN + "') must be numeric, but has type " + v.getType());
        }
    }

    private static DataColumnSpec column(final DataTableSpec spec, final String name, final String key,
        final String what) throws InvalidSettingsException {
        DataColumnSpec c = spec.getColumnSpec(name);
        if (c == null) {
            throw new InvalidSettingsException(what + " has no column '" + name + "' (setting '" + key
                + "'); available columns: " + String.join(", ", spec.getColumnNames()));
        }
        return c;
    }

    private static void checkKeyColumn(final DataTableSpec spec, final String name, final String key,
        final boolean idMode, final String what) throws InvalidSettingsException {
        DataColumnSpec c = column(spec, name, key, what);
        if (!idMode && !isIntegerType(c.getType())) {
            throw new InvalidSettingsException(what + ": column '" + name + "' (setting '" + key
                + "') must hold 0-based integer indices (an integer column), but has type " + c.getType()
                + "; set '" + EntriesSettings.KEY_KEY_MODE + "' to 'id' for arbitrary keys");
        }
    }

    static boolean isIntegerType(final DataType t) {
        return t.isCompatible(IntValue.class) || t.isCompatible(LongValue.class);
    }

    /**
     * @return true when the table has the row-key, column-key and value columns of the settings,
     *         i.e. is an entries table rather than a matrix table
     */
    public static boolean looksLikeEntries(final DataTableSpec spec, final EntriesSettings s) {
        return spec.containsName(s.rowColumn()) && spec.containsName(s.columnColumn())
            && spec.containsName(s.valueColumn());
    }

    /** Checks that every column of a matrix table is numeric. */
    public static void checkMatrixSpec(final DataTableSpec spec, final String what)
        throws InvalidSettingsException {
        if (spec.getNumColumns() == 0) {
            throw new InvalidSettingsException(what + " has no columns");
        }
        for (int j = 0; j < spec.getNumColumns(); j++) {
            DataColumnSpec c = spec.getColumnSpec(j);
            if (!c.getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException(what + ": column '" + c.getName()
                    + "' is not numeric (type " + c.getType() + "); a matrix table has one numeric column per "
                    + "matrix column");
            }
        }
    }

    /** One entries table as read, before the keys are mapped. */
    private static final class Raw {
        final List<Object> rowKeys = new ArrayList<>();
        final List<Object> colKeys = new ArrayList<>();
        final List<String> rowIds = new ArrayList<>();
        double[] values = new double[16];
        int n;

        void add(final String id, final Object r, final Object c, final double v) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, 2 * n);
            }
            rowIds.add(id);
            rowKeys.add(r);
            colKeys.add(c);
            values[n++] = v;
        }
    }

    /**
     * Reads the observed entries and, optionally, held-out entries (same columns) and a ground
     * truth's shape.
     *
     * @param heldOut held-out entries table or null
     * @param truthRows rows of a ground-truth matrix, or 0 when there is none
     * @param truthCols columns of a ground-truth matrix, or 0 when there is none
     * @throws InvalidSettingsException with a message naming the row ID and column of a bad cell
     */
    public static Data read(final BufferedDataTable observed, final BufferedDataTable heldOut,
        final int truthRows, final int truthCols, final EntriesSettings s, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        Raw obs = readRaw(observed, s, "Observed entries table", exec);
        Raw held = heldOut == null ? null : readRaw(heldOut, s, "Held-out entries table", exec);
        KeyIndex rows;
        KeyIndex cols;
        if (s.isIdMode()) {
            if (truthRows > 0) {
                throw new InvalidSettingsException("A ground-truth matrix needs 0-based index keys ('"
                    + EntriesSettings.KEY_KEY_MODE + "' = 'index'); with arbitrary IDs give held-out entries instead");
            }
            List<Object> r = new ArrayList<>(obs.rowKeys);
            List<Object> c = new ArrayList<>(obs.colKeys);
            if (held != null) {
                r.addAll(held.rowKeys);
                c.addAll(held.colKeys);
            }
            rows = KeyIndex.sorted(r);
            cols = KeyIndex.sorted(c);
        } else {
            rows = KeyIndex.identity(extent(obs.rowKeys, held == null ? null : held.rowKeys, s.rows(), truthRows,
                EntriesSettings.KEY_ROWS, "row", s.rowColumn(), obs, held));
            cols = KeyIndex.identity(extent(obs.colKeys, held == null ? null : held.colKeys, s.cols(), truthCols,
                EntriesSettings.KEY_COLS, "column", s.columnColumn(), obs, held));
        }
        Observations o = toObservations(obs, rows, cols, s, "Observed entries table");
        Observations h = held == null ? null : toObservations(held, rows, cols, s, "Held-out entries table");
        return new Data(o, h, rows, cols);
    }

    /** Number of rows (or columns) in index mode: explicit setting, ground truth, or max index + 1. */
    private static int extent(final List<Object> keys, final List<Object> heldKeys, final int setting,
        final int truth, final String settingKey, final String axis, final String column, final Raw obs,
        final Raw held) throws InvalidSettingsException {
        if (setting > 0 && truth > 0 && setting != truth) {
            throw new InvalidSettingsException("Setting '" + settingKey + "' = " + setting + " but the ground-truth "
                + "matrix has " + truth + " " + axis + "s");
        }
        int fixed = setting > 0 ? setting : truth;
        long max = -1;
        for (int pass = 0; pass < 2; pass++) {
            List<Object> list = pass == 0 ? keys : heldKeys;
            Raw raw = pass == 0 ? obs : held;
            if (list == null) {
                continue;
            }
            for (int k = 0; k < list.size(); k++) {
                long v = (Long)list.get(k);
                if (fixed > 0 && v >= fixed) {
                    throw new InvalidSettingsException("Row '" + raw.rowIds.get(k) + "': " + axis + " index " + v
                        + " in column '" + column + "' is out of range [0, " + (fixed - 1) + "] (" + (setting > 0
                            ? "setting '" + settingKey + "' = " + setting : "ground-truth matrix size") + ")");
                }
                max = Math.max(max, v);
            }
        }
        if (fixed > 0) {
            return fixed;
        }
        if (max >= Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException(axis + " index " + max + " in column '" + column + "' is too large");
        }
        return (int)(max + 1);
    }

    private static Raw readRaw(final BufferedDataTable table, final EntriesSettings s, final String what,
        final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        checkEntriesSpec(spec, s, what);
        int ri = spec.findColumnIndex(s.rowColumn());
        int ci = spec.findColumnIndex(s.columnColumn());
        int vi = spec.findColumnIndex(s.valueColumn());
        boolean id = s.isIdMode();
        Raw raw = new Raw();
        long count = 0;
        for (DataRow row : table) {
            if ((++count & 1023) == 0) {
                exec.checkCanceled();
            }
            String rowId = row.getKey().getString();
            Object r = key(row.getCell(ri), rowId, s.rowColumn(), id, "row");
            Object c = key(row.getCell(ci), rowId, s.columnColumn(), id, "column");
            double v = value(row.getCell(vi), rowId, s.valueColumn(), what);
            raw.add(rowId, r, c, v);
        }
        if (raw.n == 0) {
            throw new InvalidSettingsException(what + " is empty: at least one entry is needed");
        }
        return raw;
    }

    private static Object key(final DataCell cell, final String rowId, final String column, final boolean id,
        final String axis) throws InvalidSettingsException {
        if (cell.isMissing()) {
            throw new InvalidSettingsException("Row '" + rowId + "': missing " + axis + " key in column '" + column
                + "'");
        }
        if (!id) {
            long v = cell instanceof LongValue ? ((LongValue)cell).getLongValue() : ((IntValue)cell).getIntValue();
            if (v < 0) {
                throw new InvalidSettingsException("Row '" + rowId + "': " + axis + " index " + v + " in column '"
                    + column + "' is negative (indices are 0-based; set '" + EntriesSettings.KEY_KEY_MODE
                    + "' to 'id' for arbitrary keys)");
            }
            return v;
        }
        return normalize(cell, rowId, column);
    }

    /** @return Long for integers (also whole doubles), Double for other numbers, String otherwise */
    static Object normalize(final DataCell cell, final String rowId, final String column)
        throws InvalidSettingsException {
        if (cell instanceof LongValue) {
            return ((LongValue)cell).getLongValue();
        }
        if (cell instanceof IntValue) {
            return (long)((IntValue)cell).getIntValue();
        }
        if (cell instanceof DoubleValue) {
            double d = ((DoubleValue)cell).getDoubleValue();
            if (Double.isNaN(d)) {
                throw new InvalidSettingsException("Row '" + rowId + "': key NaN in column '" + column + "'");
            }
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long)d;
            }
            return d;
        }
        return cell.toString();
    }

    private static double value(final DataCell cell, final String rowId, final String column, final String what)
        throws InvalidSettingsException {
        if (cell.isMissing()) {
            throw new InvalidSettingsException(what + ", row '" + rowId + "': missing value in column '" + column
                + "'; remove or impute missing values first (e.g. with the Missing Value node)");
        }
        double v = ((DoubleValue)cell).getDoubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidSettingsException(what + ", row '" + rowId + "': value " + v + " in column '" + column
                + "' is not a finite number");
        }
        return v;
    }

    private static Observations toObservations(final Raw raw, final KeyIndex rows, final KeyIndex cols,
        final EntriesSettings s, final String what) throws InvalidSettingsException {
        int n = raw.n;
        int[] ri = new int[n];
        int[] ci = new int[n];
        Map<Long, Integer> seen = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            ri[k] = rows.indexOf(raw.rowKeys.get(k));
            ci[k] = cols.indexOf(raw.colKeys.get(k));
            Integer previous = seen.put((long)ri[k] * cols.size() + ci[k], k);
            if (previous != null) {
                throw new InvalidSettingsException(what + ": rows '" + raw.rowIds.get(previous) + "' and '"
                    + raw.rowIds.get(k) + "' both give the entry at (" + s.rowColumn() + " = " + raw.rowKeys.get(k)
                    + ", " + s.columnColumn() + " = " + raw.colKeys.get(k) + "); each position may occur once");
            }
        }
        try {
            return Observations.of(rows.size(), cols.size(), ri, ci, java.util.Arrays.copyOf(raw.values, n));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a matrix table (one row per matrix row, one numeric column per matrix column).
     *
     * @throws InvalidSettingsException naming row ID and column of a missing or non-finite cell
     */
    public static DMatrixRMaj readMatrix(final BufferedDataTable table, final String what,
        final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        checkMatrixSpec(spec, what);
        long size = table.size();
        int cols = spec.getNumColumns();
        if (size == 0) {
            throw new InvalidSettingsException(what + " has no rows");
        }
        MemoryCheck.require(size * cols * 8, what + " (" + size + " x " + cols + ")");
        DMatrixRMaj m = new DMatrixRMaj((int)size, cols);
        int i = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            for (int j = 0; j < cols; j++) {
                DataCell cell = row.getCell(j);
                String colName = spec.getColumnSpec(j).getName();
                if (cell.isMissing()) {
                    throw new InvalidSettingsException(what + ", row '" + row.getKey().getString()
                        + "': missing value in column '" + colName + "'");
                }
                double v = ((DoubleValue)cell).getDoubleValue();
                if (!Double.isFinite(v)) {
                    throw new InvalidSettingsException(what + ", row '" + row.getKey().getString() + "': value " + v
                        + " in column '" + colName + "' is not a finite number");
                }
                m.unsafe_set(i, j, v);
            }
            i++;
        }
        return m;
    }
}
