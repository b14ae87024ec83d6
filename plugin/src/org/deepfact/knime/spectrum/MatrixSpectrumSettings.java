package org.deepfact.knime.spectrum;

import org.deepfact.knime.common.CheckedSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** Settings of Matrix Spectrum. */
final class MatrixSpectrumSettings extends CheckedSettings {

    static final String SCHATTEN_P = "schatten_p";

    static final String RANK_TOLERANCE = "rank_tolerance";

    static final String MAX_VALUES = "max_values";

    /** p = 2/N is the quasi-norm a depth-N factorization implicitly favours; default N = 3. */
    final SettingsModelDoubleBounded m_schattenP =
        add(SCHATTEN_P, new SettingsModelDoubleBounded(SCHATTEN_P, 2.0 / 3.0, Double.MIN_VALUE, 1e6));

    /** Absolute tolerance of the numerical rank, relative to sigma_1; 0 = automatic. */
    final SettingsModelDoubleBounded m_rankTolerance =
        add(RANK_TOLERANCE, new SettingsModelDoubleBounded(RANK_TOLERANCE, 0.0, 0.0, 1.0));

    final SettingsModelIntegerBounded m_maxValues =
        add(MAX_VALUES, new SettingsModelIntegerBounded(MAX_VALUES, 0, 0, Integer.MAX_VALUE));

    @Override
    protected MatrixSpectrumSettings newInstance() {
        return new MatrixSpectrumSettings();
    }
}
