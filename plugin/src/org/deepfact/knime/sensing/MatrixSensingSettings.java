package org.deepfact.knime.sensing;

import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.common.CheckedSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;

/** Settings of Matrix Sensing Measurements. */
final class MatrixSensingSettings extends CheckedSettings {

    static final String MEASUREMENTS = "measurements";

    static final String SEED = "seed";

    final SettingsModelIntegerBounded m_measurements = add(MEASUREMENTS,
        new SettingsModelIntegerBounded(MEASUREMENTS, 2000, 1, SensingProblemPortObject.MAX_MEASUREMENTS));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    @Override
    protected MatrixSensingSettings newInstance() {
        return new MatrixSensingSettings();
    }
}
