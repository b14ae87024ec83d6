package org.deepfact.knime.completion;

import java.util.Locale;

import org.deepfact.knime.common.EntryColumnSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * How an entries table is read by the two completion nodes (Learner, Nuclear Norm Completion):
 * the row-key, column-key and value columns, whether the keys are 0-based indices or arbitrary
 * IDs, and (for indices) an optional explicit matrix shape. Flat, stable flow-variable keys:
 * {@value #KEY_ROW_COLUMN}, {@value #KEY_COLUMN_COLUMN}, {@value #KEY_VALUE_COLUMN},
 * {@value #KEY_KEY_MODE}, {@value #KEY_ROWS}, {@value #KEY_COLS}.
 */
public final class EntriesSettings {

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

    public static final String DEFAULT_ROW_COLUMN = "row";
    public static final String DEFAULT_COLUMN_COLUMN = "column";
    public static final String DEFAULT_VALUE_COLUMN = "value";

    private final EntryColumnSettings m_columns = new EntryColumnSettings();
    private final SettingsModelString m_keyMode = createKeyModeModel();
    private final SettingsModelInteger m_rows = createRowsModel();
    private final SettingsModelInteger m_cols = createColsModel();

    public static SettingsModelString createRowColumnModel() {
        return new SettingsModelString(KEY_ROW_COLUMN, DEFAULT_ROW_COLUMN);
    }

    public static SettingsModelString createColumnColumnModel() {
        return new SettingsModelString(KEY_COLUMN_COLUMN, DEFAULT_COLUMN_COLUMN);
    }

    public static SettingsModelString createValueColumnModel() {
        return new SettingsModelString(KEY_VALUE_COLUMN, DEFAULT_VALUE_COLUMN);
    }

    public static SettingsModelString createKeyModeModel() {
        return new SettingsModelString(KEY_KEY_MODE, MODE_INDEX);
    }

    public static SettingsModelInteger createRowsModel() {
        return new SettingsModelInteger(KEY_ROWS, 0);
    }

    public static SettingsModelInteger createColsModel() {
        return new SettingsModelInteger(KEY_COLS, 0);
    }

    /** @return the row/column/value column selections (the common entries-table settings) */
    public EntryColumnSettings columns() {
        return m_columns;
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

    public void saveSettingsTo(final NodeSettingsWO settings) {
        m_columns.saveTo(settings);
        m_keyMode.saveSettingsTo(settings);
        m_rows.saveSettingsTo(settings);
        m_cols.saveSettingsTo(settings);
    }

    /** @throws InvalidSettingsException naming the offending key */
    public static void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        new EntryColumnSettings().validate(settings);
        String mode = settings.getString(KEY_KEY_MODE);
        if (normalizeMode(mode) == null) {
            throw new InvalidSettingsException(
                "Setting '" + KEY_KEY_MODE + "' must be 'index' or 'id', got '" + mode + "'");
        }
        for (String key : new String[]{KEY_ROWS, KEY_COLS}) {
            int v = settings.getInt(key);
            if (v < 0) {
                throw new InvalidSettingsException(
                    "Setting '" + key + "' must be >= 0 (0 = from the data), got " + v);
            }
        }
    }

    public void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.loadFrom(settings);
        m_keyMode.loadSettingsFrom(settings);
        m_keyMode.setStringValue(normalizeMode(m_keyMode.getStringValue()));
        m_rows.loadSettingsFrom(settings);
        m_cols.loadSettingsFrom(settings);
    }

    /** @return "index", "id" or null when not recognised (case-insensitive, "ids" accepted) */
    static String normalizeMode(final String mode) {
        if (mode == null) {
            return null;
        }
        String m = mode.trim().toLowerCase(Locale.ROOT);
        if (m.equals(MODE_INDEX) || m.equals("indices")) {
            return MODE_INDEX;
        }
        if (m.equals(MODE_ID) || m.equals("ids")) {
            return MODE_ID;
        }
        return null;
    }
}
