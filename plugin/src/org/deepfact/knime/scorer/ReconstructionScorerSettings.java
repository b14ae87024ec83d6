package org.deepfact.knime.scorer;

import org.deepfact.knime.common.EntryColumnSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Settings of the Reconstruction Scorer: the columns of the optional observed-entries input. */
final class ReconstructionScorerSettings {

    final EntryColumnSettings m_columns = new EntryColumnSettings();

    void saveTo(final NodeSettingsWO settings) {
        m_columns.saveTo(settings);
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.validate(settings);
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.validate(settings);
        m_columns.loadFrom(settings);
    }
}
