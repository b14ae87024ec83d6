package org.deepfact.knime.sensing;

import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;

/** Settings of Matrix Sensing Measurements. */
final class MatrixSensingSettings {

    static final String MEASUREMENTS = "measurements";

    static final String SEED = "seed";

    private final SettingsGroup m_group = new SettingsGroup();

    final SettingsModelIntegerBounded m_measurements = m_group.add(MEASUREMENTS,
        new SettingsModelIntegerBounded(MEASUREMENTS, 2000, 1, SensingProblemPortObject.MAX_MEASUREMENTS));

    final SettingsModelLong m_seed = m_group.add(SEED, new SettingsModelLong(SEED, 1L));

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
