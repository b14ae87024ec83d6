package org.deepfact.knime.tensormask;

import org.deepfact.knime.common.CheckedSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;

/** Settings of the Tensor Mask: how many entries to observe, the seed, optional noise. */
final class TensorMaskSettings extends CheckedSettings {

    static final String COUNT = "count";

    static final String SEED = "seed";

    static final String NOISE_STD = "noise_std";

    final SettingsModelIntegerBounded m_count =
        add(COUNT, new SettingsModelIntegerBounded(COUNT, 200, 1, Integer.MAX_VALUE));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    final SettingsModelDoubleBounded m_noise =
        add(NOISE_STD, new SettingsModelDoubleBounded(NOISE_STD, 0.0, 0.0, Double.MAX_VALUE));

    @Override
    protected TensorMaskSettings newInstance() {
        return new TensorMaskSettings();
    }
}
