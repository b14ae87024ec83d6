package org.deepfact.knime.entriestomatrix;

import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.EntryColumnSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of Entries to Matrix. */
final class EntriesToMatrixSettings extends CheckedSettings {

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

    final EntryColumnSettings m_columns = add(new EntryColumnSettings());

    final SettingsModelBoolean m_infer = add(INFER_SHAPE, new SettingsModelBoolean(INFER_SHAPE, true));

    final SettingsModelIntegerBounded m_rows =
        add(ROWS, new SettingsModelIntegerBounded(ROWS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelIntegerBounded m_cols =
        add(COLS, new SettingsModelIntegerBounded(COLS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelString m_missing = add(MISSING, new SettingsModelString(MISSING, MISSING_FILL));

    final SettingsModelDouble m_fill = add(FILL_VALUE, new SettingsModelDouble(FILL_VALUE, 0.0));

    @Override
    public void check() throws InvalidSettingsException {
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

    @Override
    protected EntriesToMatrixSettings newInstance() {
        return new EntriesToMatrixSettings();
    }
}
