package org.deepfact.knime.completion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.data.Observations;
import org.deepfact.knime.common.CellReader;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.SpecChecks;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Reads the observed entries (and optional held-out entries) of the completion nodes into
 * engine data, with 0-based index keys (through the common {@link EntriesTable} contract) or with
 * arbitrary ID keys mapped to dense indices ({@link KeyIndex}, sorted). Held-out keys take part
 * in the mapping, so a user or item seen only in the held-out set still gets a matrix row or
 * column (whose prediction then comes from the initialisation alone).
 *
 * <p>Missing-value policy as in the common package: a missing key or value, a NaN or infinite
 * value, and a duplicate position are errors naming the row ID and column.
 */
public final class EntriesInput {

    /** Name of the observed-entries input in messages. */
    public static final String OBSERVED = "observed entries";

    /** Name of the held-out-entries input in messages. */
    public static final String HELD_OUT = "held-out entries";

    /** Bytes per entry while reading: 3 arrays, row-ID strings and boxed keys. */
    private static final long BYTES_PER_ENTRY = 160;

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
     * configure()-time check that an entries table has the configured columns with usable types:
     * integer key columns for index keys, any type for ID keys, a numeric value column.
     *
     * @param portName e.g. {@link #OBSERVED}, used in messages
     */
    @SuppressWarnings("unchecked")
    public static void checkEntriesSpec(final DataTableSpec spec, final EntriesSettings s, final String portName)
        throws InvalidSettingsException {
        if (s.isIdMode()) {
            SpecChecks.column(spec, s.rowColumn(), EntriesSettings.KEY_ROW_COLUMN, portName, DataValue.class);
            SpecChecks.column(spec, s.columnColumn(), EntriesSettings.KEY_COLUMN_COLUMN, portName, DataValue.class);
            SpecChecks.column(spec, s.valueColumn(), EntriesSettings.KEY_VALUE_COLUMN, portName, DoubleValue.class);
        } else {
            try {
                EntriesTable.checkSpec(spec, s.columns(), portName);
            } catch (InvalidSettingsException e) {
                throw new InvalidSettingsException(e.getMessage() + " (with '" + EntriesSettings.KEY_KEY_MODE
                    + "' = 'index' the key columns must hold 0-based integer indices; set it to 'id' for "
                    + "arbitrary keys)", e);
            }
        }
    }

    /**
     * @return true when the table has the row-key, column-key and value columns of the settings,
     *         i.e. is an entries table rather than a matrix table
     */
    public static boolean looksLikeEntries(final DataTableSpec spec, final EntriesSettings s) {
        return spec.containsName(s.rowColumn()) && spec.containsName(s.columnColumn())
            && spec.containsName(s.valueColumn());
    }

    /**
     * configure()-time check of a ground-truth matrix table: its rows and columns are 0-based indices,
     * so index keys only, and its column count must agree with the one known so far.
     *
     * @param port the port's name and index for messages, e.g. {@code "'Ground truth', 1"}
     * @param cols the column count known so far (the setting or a sensing problem), or null
     * @param idModeHint appended to the ID-mode error: what else the user can do
     * @return the ground-truth matrix's column count
     * @throws InvalidSettingsException naming the key mode, or the setting and both counts
     */
    public static int checkGroundTruthSpec(final DataTableSpec truth, final EntriesSettings s, final Integer cols,
        final String port, final String idModeHint) throws InvalidSettingsException {
        if (s.isIdMode()) {
            throw new InvalidSettingsException("A ground-truth matrix (port " + port + ") needs 0-based index keys: "
                + "set '" + EntriesSettings.KEY_KEY_MODE + "' to 'index'" + idModeHint);
        }
        int truthCols = MatrixTable.checkSpec(truth, "ground-truth matrix");
        if (cols != null && cols != truthCols) {
            throw new InvalidSettingsException("Setting '" + EntriesSettings.KEY_COLS + "' = " + cols
                + " but the ground-truth matrix has " + truthCols + " columns");
        }
        return truthCols;
    }

    /**
     * Reads the observed entries and, optionally, held-out entries (same column settings).
     *
     * @param heldOut held-out entries table or null
     * @param truthRows rows of a ground-truth matrix, or 0 when there is none
     * @param truthCols columns of a ground-truth matrix, or 0 when there is none
     */
    public static Data read(final BufferedDataTable observed, final BufferedDataTable heldOut, final int truthRows,
        final int truthCols, final EntriesSettings s, final ExecutionMonitor exec) throws InvalidSettingsException,
        InvalidInputException, InsufficientMemoryException, CanceledExecutionException {
        return s.isIdMode() ? readIds(observed, heldOut, truthRows, s, exec)
            : readIndices(observed, heldOut, truthRows, truthCols, s, exec);
    }

    private static Data readIndices(final BufferedDataTable observed, final BufferedDataTable heldOut,
        final int truthRows, final int truthCols, final EntriesSettings s, final ExecutionMonitor exec)
        throws InvalidSettingsException, InvalidInputException, InsufficientMemoryException,
        CanceledExecutionException {
        int rows = fixedExtent(s.rows(), truthRows, EntriesSettings.KEY_ROWS, "rows", "the ground-truth matrix");
        int cols = fixedExtent(s.cols(), truthCols, EntriesSettings.KEY_COLS, "columns", "the ground-truth matrix");
        Observations o = EntriesTable.read(observed, s.columns(), rows, cols, OBSERVED, exec);
        if (heldOut == null) {
            return new Data(o, null, KeyIndex.identity(o.rows()), KeyIndex.identity(o.cols()));
        }
        Observations h = EntriesTable.read(heldOut, s.columns(), rows, cols, HELD_OUT, exec);
        int nr = Math.max(o.rows(), h.rows());
        int nc = Math.max(o.cols(), h.cols());
        return new Data(reshape(o, nr, nc), reshape(h, nr, nc), KeyIndex.identity(nr), KeyIndex.identity(nc));
    }

    /**
     * Reads held-out entries with 0-based index keys for a problem of known shape (a sensing problem);
     * messages name the held-out input.
     */
    public static Observations readHeldOut(final BufferedDataTable heldOut, final int rows, final int cols,
        final EntriesSettings s, final ExecutionMonitor exec) throws InvalidSettingsException,
        InvalidInputException, InsufficientMemoryException, CanceledExecutionException {
        return EntriesTable.read(heldOut, s.columns(), rows, cols, HELD_OUT, exec);
    }

    /**
     * Checks the explicit shape settings against a sensing problem, whose shape is fixed.
     *
     * @param rows rows of the sensing problem, or 0 when not yet known (configure)
     * @throws InvalidSettingsException naming the key when an explicit extent differs
     */
    public static void checkSensingShape(final EntriesSettings s, final int rows, final int cols)
        throws InvalidSettingsException {
        fixedExtent(s.rows(), rows, EntriesSettings.KEY_ROWS, "rows", "the sensing problem");
        fixedExtent(s.cols(), cols, EntriesSettings.KEY_COLS, "columns", "the sensing problem");
    }

    /**
     * @return a warning saying how many matrix rows and columns have no observed entry (an explicit
     *         shape larger than the data, or keys seen only in the held-out entries), or null when
     *         every row and column has one
     */
    public static String emptyLinesWarning(final Observations observed) {
        final boolean[] row = new boolean[observed.rows()];
        final boolean[] col = new boolean[observed.cols()];
        for (int k = 0; k < observed.size(); k++) {
            row[observed.row(k)] = true;
            col[observed.col(k)] = true;
        }
        final int rows = falses(row);
        final int cols = falses(col);
        if (rows == 0 && cols == 0) {
            return null;
        }
        return rows + " of " + row.length + " matrix rows and " + cols + " of " + col.length
            + " columns have no observed entry: the data do not determine their completed values";
    }

    private static int falses(final boolean[] flags) {
        int n = 0;
        for (final boolean f : flags) {
            n += f ? 0 : 1;
        }
        return n;
    }

    private static Observations reshape(final Observations o, final int rows, final int cols) {
        return o.rows() == rows && o.cols() == cols ? o
            : Observations.of(rows, cols, o.rowIndices(), o.colIndices(), o.values());
    }

    /**
     * @param source what fixes the extent {@code truth}, e.g. "the ground-truth matrix" (for the message)
     * @return the explicit extent (setting or {@code truth}), 0 when it comes from the data
     */
    private static int fixedExtent(final int setting, final int truth, final String key, final String what,
        final String source) throws InvalidSettingsException {
        if (setting > 0 && truth > 0 && setting != truth) {
            throw new InvalidSettingsException(
                "Setting '" + key + "' = " + setting + " but " + source + " has " + truth + " " + what);
        }
        return setting > 0 ? setting : truth;
    }

    /** One entries table as read, before the keys are mapped. */
    private static final class Raw {
        final List<Object> rowKeys = new ArrayList<>();
        final List<Object> colKeys = new ArrayList<>();
        final List<String> rowIds = new ArrayList<>();
        double[] values;
        int n;
    }

    private static Data readIds(final BufferedDataTable observed, final BufferedDataTable heldOut,
        final int truthRows, final EntriesSettings s, final ExecutionMonitor exec) throws InvalidSettingsException,
        InvalidInputException, InsufficientMemoryException, CanceledExecutionException {
        if (truthRows > 0) {
            throw new InvalidSettingsException("A ground-truth matrix needs 0-based index keys ('"
                + EntriesSettings.KEY_KEY_MODE + "' = 'index'); with arbitrary IDs give held-out entries instead");
        }
        Raw obs = readRaw(observed, s, OBSERVED, exec);
        Raw held = heldOut == null ? null : readRaw(heldOut, s, HELD_OUT, exec);
        List<Object> r = new ArrayList<>(obs.rowKeys);
        List<Object> c = new ArrayList<>(obs.colKeys);
        if (held != null) {
            r.addAll(held.rowKeys);
            c.addAll(held.colKeys);
        }
        KeyIndex rows = KeyIndex.sorted(r);
        KeyIndex cols = KeyIndex.sorted(c);
        Observations o = toObservations(obs, rows, cols, s, OBSERVED);
        Observations h = held == null ? null : toObservations(held, rows, cols, s, HELD_OUT);
        return new Data(o, h, rows, cols);
    }

    private static Raw readRaw(final BufferedDataTable table, final EntriesSettings s, final String portName,
        final ExecutionMonitor exec) throws InvalidSettingsException, InvalidInputException,
        InsufficientMemoryException, CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        checkEntriesSpec(spec, s, portName);
        int size = EntriesTable.checkSize(table, BYTES_PER_ENTRY, portName);
        int ri = spec.findColumnIndex(s.rowColumn());
        int ci = spec.findColumnIndex(s.columnColumn());
        int vi = spec.findColumnIndex(s.valueColumn());
        Raw raw = new Raw();
        raw.values = new double[size];
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                raw.rowKeys.add(normalize(row, ri, s.rowColumn()));
                raw.colKeys.add(normalize(row, ci, s.columnColumn()));
                raw.values[raw.n++] = CellReader.finiteDouble(row, vi, s.valueColumn());
                raw.rowIds.add(row.getKey().getString());
                if ((raw.n & 0x3FF) == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double)raw.n / size, "reading entry " + raw.n + " / " + size);
                }
            }
        }
        return raw;
    }

    /**
     * @return the key of a cell: Long for integers (also whole numbers in floating-point columns),
     *         Double for other numbers, the cell's text otherwise
     */
    public static Object normalize(final DataRow row, final int column, final String columnName)
        throws InvalidInputException {
        DataCell cell = row.getCell(column);
        if (cell.isMissing()) {
            throw new InvalidInputException(CellReader.where(row, columnName)
                + ": missing key. DeepFact does not skip or impute missing cells; "
                + "remove or fill them first (e.g. with the Missing Value node)");
        }
        if (cell instanceof LongValue) {
            return ((LongValue)cell).getLongValue();
        }
        if (cell instanceof IntValue) {
            return (long)((IntValue)cell).getIntValue();
        }
        if (cell instanceof DoubleValue) {
            double d = ((DoubleValue)cell).getDoubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidInputException(CellReader.where(row, columnName) + ": key " + d
                    + " is not a finite number");
            }
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long)d;
            }
            return d;
        }
        return cell.toString();
    }

    private static Observations toObservations(final Raw raw, final KeyIndex rows, final KeyIndex cols,
        final EntriesSettings s, final String portName) throws InvalidInputException {
        int n = raw.n;
        int[] ri = new int[n];
        int[] ci = new int[n];
        Map<Long, Integer> seen = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            ri[k] = rows.indexOf(raw.rowKeys.get(k));
            ci[k] = cols.indexOf(raw.colKeys.get(k));
            Integer previous = seen.put((long)ri[k] * cols.size() + ci[k], k);
            if (previous != null) {
                throw new InvalidInputException("The " + portName + " table: rows '" + raw.rowIds.get(previous)
                    + "' and '" + raw.rowIds.get(k) + "' both give the entry at (" + s.rowColumn() + " = "
                    + raw.rowKeys.get(k) + ", " + s.columnColumn() + " = " + raw.colKeys.get(k)
                    + "); each position may occur only once");
            }
        }
        return Observations.of(rows.size(), cols.size(), ri, ci, raw.values);
    }
}
