package org.deepfact.knime.spectrum;

import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** Settings of Matrix Spectrum. */
final class MatrixSpectrumSettings {

    static final String SCHATTEN_P = "schatten_p";

    static final String RANK_TOLERANCE = "rank_tolerance";

    static final String MAX_VALUES = "max_values";

    private final SettingsGroup m_group = new SettingsGroup();

    /** p = 2/N is the quasi-norm a depth-N factorization implicitly favours; default N = 3. */
    final SettingsModelDoubleBounded m_schattenP =
        m_group.add(SCHATTEN_P, new SettingsModelDoubleBounded(SCHATTEN_P, 2.0 / 3.0, Double.MIN_VALUE, 1e6));

    /** Absolute tolerance of the numerical rank, relative to sigma_1; 0 = automatic. */
    final SettingsModelDoubleBounded m_rankTolerance =
        m_group.add(RANK_TOLERANCE, new SettingsModelDoubleBounded(RANK_TOLERANCE, 0.0, 0.0, 1.0));

    final SettingsModelIntegerBounded m_maxValues =
        m_group.add(MAX_VALUES, new SettingsModelIntegerBounded(MAX_VALUES, 0, 0, Integer.MAX_VALUE));

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
