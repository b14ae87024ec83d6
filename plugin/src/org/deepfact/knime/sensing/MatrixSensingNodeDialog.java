package org.deepfact.knime.sensing;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of Matrix Sensing Measurements. */
final class MatrixSensingNodeDialog extends DefaultNodeSettingsPane {

    MatrixSensingNodeDialog() {
        final MatrixSensingSettings s = new MatrixSensingSettings();
        addDialogComponent(new DialogComponentNumber(s.m_measurements, "Number of measurements m", 100));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
    }
}
