package org.deepfact.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The three column selections of an entries-table input, under flat keys
 * {@code <prefix>row_column}, {@code <prefix>column_column}, {@code <prefix>value_column}
 * (prefix empty for a node with one entries input). Defaults: {@code row}, {@code column}, {@code value}.
 */
public final class EntryColumnSettings implements PersistentSettings {

    /** Key suffix of the row-index column selection. */
    public static final String ROW = "row_column";

    /** Key suffix of the column-index column selection. */
    public static final String COLUMN = "column_column";

    /** Key suffix of the value column selection. */
    public static final String VALUE = "value_column";

    private final SettingsModelString m_row;

    private final SettingsModelString m_column;

    private final SettingsModelString m_value;

    /** Keys {@code row_column}, {@code column_column}, {@code value_column}. */
    public EntryColumnSettings() {
        this("");
    }

    /** @param prefix prepended to every key, e.g. {@code "observed_"} */
    public EntryColumnSettings(final String prefix) {
        m_row = new SettingsModelString(prefix + ROW, EntriesTable.ROW);
        m_column = new SettingsModelString(prefix + COLUMN, EntriesTable.COLUMN);
        m_value = new SettingsModelString(prefix + VALUE, EntriesTable.VALUE);
    }

    public SettingsModelString rowModel() {
        return m_row;
    }

    public SettingsModelString columnModel() {
        return m_column;
    }

    public SettingsModelString valueModel() {
        return m_value;
    }

    public String rowColumn() {
        return m_row.getStringValue();
    }

    public String columnColumn() {
        return m_column.getStringValue();
    }

    public String valueColumn() {
        return m_value.getStringValue();
    }

    /** @return the setting keys in the order row, column, value */
    public String[] keys() {
        return new String[]{m_row.getKey(), m_column.getKey(), m_value.getKey()};
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        m_row.saveSettingsTo(settings);
        m_column.saveSettingsTo(settings);
        m_value.saveSettingsTo(settings);
    }

    /** @throws InvalidSettingsException when a key is absent, empty, or two selections coincide */
    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String r = nonEmpty(settings, m_row.getKey());
        final String c = nonEmpty(settings, m_column.getKey());
        final String v = nonEmpty(settings, m_value.getKey());
        if (r.equals(c) || r.equals(v) || c.equals(v)) {
            throw new InvalidSettingsException("Row, column and value columns must differ, got '" + r + "' ('"
                + m_row.getKey() + "'), '" + c + "' ('" + m_column.getKey() + "'), '" + v + "' ('"
                + m_value.getKey() + "')");
        }
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_row.loadSettingsFrom(settings);
        m_column.loadSettingsFrom(settings);
        m_value.loadSettingsFrom(settings);
    }

    private static String nonEmpty(final NodeSettingsRO settings, final String key) throws InvalidSettingsException {
        final String s = settings.getString(key);
        if (s == null || s.isEmpty()) {
            throw new InvalidSettingsException("Setting '" + key + "' must name a column");
        }
        return s;
    }
}
