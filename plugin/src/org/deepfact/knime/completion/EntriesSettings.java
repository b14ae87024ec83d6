package org.deepfact.knime.completion;

import java.util.Locale;

import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.EntryColumnSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * How an entries table is read by the two completion nodes (Learner, Nuclear Norm Completion):
 * the row-key, column-key and value columns, whether the keys are 0-based indices or arbitrary
 * IDs, and (for indices) an optional explicit matrix shape. Flat, stable flow-variable keys:
 * {@value #KEY_ROW_COLUMN}, {@value #KEY_COLUMN_COLUMN}, {@value #KEY_VALUE_COLUMN},
 * {@value #KEY_KEY_MODE}, {@value #KEY_ROWS}, {@value #KEY_COLS}.
 */
public final class EntriesSettings extends CheckedSettings {

    public static final String KEY_ROW_COLUMN = EntryColumnSettings.ROW;
    public static final String KEY_COLUMN_COLUMN = EntryColumnSettings.COLUMN;
    public static final String KEY_VALUE_COLUMN = EntryColumnSettings.VALUE;
    public static final String KEY_KEY_MODE = "key_mode";
    public static final String KEY_ROWS = "rows";
    public static final String KEY_COLS = "cols";

    /** Keys are 0-based integer indices (the entries-table contract). */
    public static final String MODE_INDEX = "index";
    /** Keys are arbitrary IDs of any type, mapped to dense indices in sorted order. */
    public static final String MODE_ID = "id";

    private final EntryColumnSettings m_columns = add(new EntryColumnSettings());
    private final SettingsModelString m_keyMode = add(KEY_KEY_MODE, new SettingsModelString(KEY_KEY_MODE, MODE_INDEX));
    private final SettingsModelInteger m_rows = add(KEY_ROWS, new SettingsModelInteger(KEY_ROWS, 0));
    private final SettingsModelInteger m_cols = add(KEY_COLS, new SettingsModelInteger(KEY_COLS, 0));

    /** Dialog labels ({@link EntriesDialog}), named in messages. */
    static final String LABEL_ROW_COLUMN = "Row key column";
    static final String LABEL_COLUMN_COLUMN = "Column key column";
    static final String LABEL_VALUE_COLUMN = "Value column";
    static final String LABEL_KEY_MODE = "Keys are";
    static final String LABEL_ROWS = "Rows";
    static final String LABEL_COLS = "Columns";

    {
        label(KEY_ROW_COLUMN, LABEL_ROW_COLUMN);
        label(KEY_COLUMN_COLUMN, LABEL_COLUMN_COLUMN);
        label(KEY_VALUE_COLUMN, LABEL_VALUE_COLUMN);
        label(KEY_KEY_MODE, LABEL_KEY_MODE);
        label(KEY_ROWS, LABEL_ROWS);
        label(KEY_COLS, LABEL_COLS);
    }

    /** @return the row/column/value column selections (the common entries-table settings) */
    public EntryColumnSettings columns() {
        return m_columns;
    }

    /** @return the key-mode model (for the dialog) */
    SettingsModelString keyModeModel() {
        return m_keyMode;
    }

    /** @return the explicit row-count model (for the dialog) */
    SettingsModelInteger rowsModel() {
        return m_rows;
    }

    /** @return the explicit column-count model (for the dialog) */
    SettingsModelInteger colsModel() {
        return m_cols;
    }

    public String rowColumn() {
        return m_columns.rowColumn();
    }

    public String columnColumn() {
        return m_columns.columnColumn();
    }

    public String valueColumn() {
        return m_columns.valueColumn();
    }

    /** @return true when keys are arbitrary IDs, false for 0-based indices */
    public boolean isIdMode() {
        return MODE_ID.equals(normalizeMode(m_keyMode.getStringValue()));
    }

    /** @return explicit number of rows (index mode), 0 = from the data */
    public int rows() {
        return m_rows.getIntValue();
    }

    /** @return explicit number of columns (index mode), 0 = from the data */
    public int cols() {
        return m_cols.getIntValue();
    }

    public void setColumns(final String row, final String column, final String value) {
        m_columns.rowModel().setStringValue(row);
        m_columns.columnModel().setStringValue(column);
        m_columns.valueModel().setStringValue(value);
    }

    public void setIdMode(final boolean id) {
        m_keyMode.setStringValue(id ? MODE_ID : MODE_INDEX);
    }

    public void setShape(final int rows, final int cols) {
        m_rows.setIntValue(rows);
        m_cols.setIntValue(cols);
    }

    /** @throws InvalidSettingsException naming the offending key */
    @Override
    public void check() throws InvalidSettingsException {
        final String mode = m_keyMode.getStringValue();
        if (normalizeMode(mode) == null) {
            throw new InvalidSettingsException(
                "Setting '" + KEY_KEY_MODE + "' must be 'index' or 'id', got '" + mode + "'");
        }
        requireFromData(KEY_ROWS, rows());
        requireFromData(KEY_COLS, cols());
    }

    private static void requireFromData(final String key, final int v) throws InvalidSettingsException {
        if (v < 0) {
            throw new InvalidSettingsException("Setting '" + key + "' must be >= 0 (0 = from the data), got " + v);
        }
    }

    /** Validates, loads, and stores the key mode in its canonical spelling. */
    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.loadFrom(settings);
        m_keyMode.setStringValue(normalizeMode(m_keyMode.getStringValue()));
    }

    @Override
    protected EntriesSettings newInstance() {
        return new EntriesSettings();
    }

    /** @return "index", "id" or null when not recognised (case-insensitive, "ids" accepted) */
    static String normalizeMode(final String mode) {
        if (mode == null) {
            return null;
        }
        final String m = mode.trim().toLowerCase(Locale.ROOT);
        if (m.equals(MODE_INDEX) || m.equals("indices")) {
            return MODE_INDEX;
        }
        if (m.equals(MODE_ID) || m.equals("ids")) {
            return MODE_ID;
        }
        return null;
    }
}
