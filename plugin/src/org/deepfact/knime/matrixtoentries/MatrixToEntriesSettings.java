package org.deepfact.knime.matrixtoentries;

import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;

/** Settings of Matrix to Entries. */
final class MatrixToEntriesSettings {

    static final String SKIP_ZEROS = "skip_zeros";

    private final SettingsGroup m_group = new SettingsGroup();

    final SettingsModelBoolean m_skipZeros = m_group.add(SKIP_ZEROS, new SettingsModelBoolean(SKIP_ZEROS, false));

    void saveTo(final NodeSettingsWO settings) {
        m_group.saveTo(settings);
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_group.validate(settings);
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_group.loadFrom(settings);
    }
}
