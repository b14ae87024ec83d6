package org.deepfact.knime.sensing;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of Matrix Sensing Measurements. */
final class MatrixSensingNodeDialog extends DefaultNodeSettingsPane {

    MatrixSensingNodeDialog() {
        final MatrixSensingSettings s = new MatrixSensingSettings();
        addDialogComponent(new DialogComponentNumber(s.m_measurements, "Number of measurements m", 100));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        addDialogComponent(new DialogComponentStringSelection(s.m_operator, MatrixSensingSettings.LABEL_OPERATOR,
            MatrixSensingSettings.OPERATOR_NAMES));
    }
}
