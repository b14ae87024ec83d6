package org.deepfact.knime.entriestomatrix;

import org.deepfact.knime.common.EntryColumnSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of Entries to Matrix. */
final class EntriesToMatrixSettings {

    static final String INFER_SHAPE = "infer_shape";

    static final String ROWS = "rows";

    static final String COLS = "cols";

    static final String MISSING = "missing";

    static final String FILL_VALUE = "fill_value";

    /** Positions without an entry get {@link #FILL_VALUE}. */
    static final String MISSING_FILL = "fill";

    /** Positions without an entry become missing cells. */
    static final String MISSING_CELL = "missing_cell";

    static final String[] MISSING_CHOICES = {MISSING_FILL, MISSING_CELL};

    final EntryColumnSettings m_columns = new EntryColumnSettings();

    private final SettingsGroup m_group = new SettingsGroup();

    final SettingsModelBoolean m_infer = m_group.add(INFER_SHAPE, new SettingsModelBoolean(INFER_SHAPE, true));

    final SettingsModelIntegerBounded m_rows =
        m_group.add(ROWS, new SettingsModelIntegerBounded(ROWS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelIntegerBounded m_cols =
        m_group.add(COLS, new SettingsModelIntegerBounded(COLS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelString m_missing = m_group.add(MISSING, new SettingsModelString(MISSING, MISSING_FILL));

    final SettingsModelDouble m_fill = m_group.add(FILL_VALUE, new SettingsModelDouble(FILL_VALUE, 0.0));

    void saveTo(final NodeSettingsWO settings) {
        m_columns.saveTo(settings);
        m_group.saveTo(settings);
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.validate(settings);
        m_group.validate(settings);
        final EntriesToMatrixSettings copy = new EntriesToMatrixSettings();
        copy.m_group.loadFrom(settings);
        copy.check();
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        validate(settings);
        m_columns.loadFrom(settings);
        m_group.loadFrom(settings);
    }

    void check() throws InvalidSettingsException {
        SettingsGroup.requireChoice(MISSING, m_missing.getStringValue(), MISSING_CHOICES);
        if (!Double.isFinite(m_fill.getDoubleValue())) {
            throw new InvalidSettingsException("Setting 'fill_value' must be a finite number, got "
                + m_fill.getDoubleValue() + " (choose 'missing' = missing_cell for missing cells)");
        }
    }

    /** @return rows of the output, or 0 when inferred from the data */
    int rows() {
        return m_infer.getBooleanValue() ? 0 : m_rows.getIntValue();
    }

    /** @return columns of the output, or 0 when inferred from the data */
    int cols() {
        return m_infer.getBooleanValue() ? 0 : m_cols.getIntValue();
    }

    boolean missingCells() {
        return MISSING_CELL.equals(m_missing.getStringValue());
    }
}
