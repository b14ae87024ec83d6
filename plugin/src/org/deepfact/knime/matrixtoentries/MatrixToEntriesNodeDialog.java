package org.deepfact.knime.matrixtoentries;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;

/** Dialog of Matrix to Entries. */
final class MatrixToEntriesNodeDialog extends DefaultNodeSettingsPane {

    MatrixToEntriesNodeDialog() {
        addDialogComponent(new DialogComponentBoolean(new MatrixToEntriesSettings().m_skipZeros,
            "Leave out zero entries (sparse listing)"));
    }
}
