package org.deepfact.knime.matrixtoentries;

import org.deepfact.knime.common.CheckedSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;

/** Settings of Matrix to Entries. */
final class MatrixToEntriesSettings extends CheckedSettings {

    static final String SKIP_ZEROS = "skip_zeros";

    final SettingsModelBoolean m_skipZeros = add(SKIP_ZEROS, new SettingsModelBoolean(SKIP_ZEROS, false));

    @Override
    protected MatrixToEntriesSettings newInstance() {
        return new MatrixToEntriesSettings();
    }
}
