package org.deepfact.knime.predictor;

import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.EntriesTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Deep Factorization Predictor: the columns of the pairs table holding the row and
 * the column key, with the same keys and defaults as the Learner's entries input.
 */
public final class PredictorSettings extends CheckedSettings {

    public static final String KEY_ROW_COLUMN = "row_column";
    public static final String KEY_COLUMN_COLUMN = "column_column";

    /** Dialog labels, for messages. */
    static final String LABEL_ROW = "Row key column";
    static final String LABEL_COLUMN = "Column key column";

    private final SettingsModelString m_row = add(KEY_ROW_COLUMN, new SettingsModelString(KEY_ROW_COLUMN,
        EntriesTable.ROW));
    private final SettingsModelString m_column = add(KEY_COLUMN_COLUMN, new SettingsModelString(KEY_COLUMN_COLUMN,
        EntriesTable.COLUMN));

    SettingsModelString rowModel() {
        return m_row;
    }

    SettingsModelString columnModel() {
        return m_column;
    }

    public String rowColumn() {
        return m_row.getStringValue();
    }

    public String columnColumn() {
        return m_column.getStringValue();
    }

    /** Setter for tests and programmatic use. */
    public PredictorSettings columns(final String row, final String column) {
        m_row.setStringValue(row);
        m_column.setStringValue(column);
        return this;
    }

    @Override
    public void check() throws InvalidSettingsException {
        if (rowColumn() == null || rowColumn().isEmpty() || columnColumn() == null || columnColumn().isEmpty()) {
            throw new InvalidSettingsException("Choose the '" + LABEL_ROW + "' ('" + KEY_ROW_COLUMN + "') and the '"
                + LABEL_COLUMN + "' ('" + KEY_COLUMN_COLUMN + "')");
        }
        if (rowColumn().equals(columnColumn())) {
            throw new InvalidSettingsException("'" + LABEL_ROW + "' and '" + LABEL_COLUMN + "' must differ, both are '"
                + rowColumn() + "'");
        }
    }

    @Override
    protected PredictorSettings newInstance() {
        return new PredictorSettings();
    }
}
