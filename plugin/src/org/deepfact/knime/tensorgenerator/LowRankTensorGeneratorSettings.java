package org.deepfact.knime.tensorgenerator;

import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.tensor.TensorTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;

/** Settings of the Low-Rank Tensor Generator: a d x ... x d tensor of the given CP rank. */
final class LowRankTensorGeneratorSettings extends CheckedSettings {

    static final String ORDER = "order";

    static final String MODE_SIZE = "mode_size";

    static final String RANK = "rank";

    static final String FROBENIUS_NORM = "frobenius_norm";

    static final String SEED = "seed";

    final SettingsModelIntegerBounded m_order = add(ORDER, new SettingsModelIntegerBounded(ORDER, 3, 2, 8));

    final SettingsModelIntegerBounded m_modeSize =
        add(MODE_SIZE, new SettingsModelIntegerBounded(MODE_SIZE, 8, 1, Integer.MAX_VALUE));

    final SettingsModelIntegerBounded m_rank = add(RANK, new SettingsModelIntegerBounded(RANK, 3, 1, Integer.MAX_VALUE));

    final SettingsModelDoubleBounded m_norm =
        add(FROBENIUS_NORM, new SettingsModelDoubleBounded(FROBENIUS_NORM, 1.0, Double.MIN_VALUE, Double.MAX_VALUE));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    @Override
    public void check() throws InvalidSettingsException {
        shape();
    }

    /** @return the tensor's shape */
    TensorShape shape() throws InvalidSettingsException {
        try {
            return TensorTable.cube(m_order.getIntValue(), m_modeSize.getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Settings 'order' and 'mode_size': " + e.getMessage(), e);
        }
    }

    @Override
    protected LowRankTensorGeneratorSettings newInstance() {
        return new LowRankTensorGeneratorSettings();
    }
}
