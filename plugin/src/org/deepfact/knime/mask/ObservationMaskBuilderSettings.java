package org.deepfact.knime.mask;

import org.deepfact.engine.Choice;
import org.deepfact.engine.data.SamplingScheme;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the Observation Mask Builder: one scheme per engine sampler, its parameter, seed and noise. */
final class ObservationMaskBuilderSettings extends CheckedSettings {

    static final String SCHEME = "scheme";

    static final String COUNT = "count";

    static final String FRACTION = "fraction";

    static final String PROBABILITY = "probability";

    static final String PER_ROW = "per_row";

    static final String EXPONENT = "exponent";

    static final String SEED = "seed";

    static final String NOISE_STD = "noise_std";

    /** {@link Samplers#uniform}: exactly {@code count} entries, uniformly without replacement (the paper's). */
    static final String UNIFORM_COUNT = SamplingScheme.UNIFORM_COUNT.id();

    /** {@link Samplers#uniformFraction}. */
    static final String UNIFORM_FRACTION = SamplingScheme.UNIFORM_FRACTION.id();

    /** {@link Samplers#bernoulli}. */
    static final String BERNOULLI = SamplingScheme.BERNOULLI.id();

    /** {@link Samplers#perRow}. */
    static final String FIXED_PER_ROW = SamplingScheme.PER_ROW.id();

    /** {@link Samplers#powerLaw}. */
    static final String POWER_LAW = SamplingScheme.POWER_LAW.id();

    static final String[] SCHEMES = Choice.ids(SamplingScheme.class);

    final SettingsModelString m_scheme = add(SCHEME, new SettingsModelString(SCHEME, UNIFORM_COUNT));

    final SettingsModelIntegerBounded m_count =
        add(COUNT, new SettingsModelIntegerBounded(COUNT, 2000, 1, Integer.MAX_VALUE));

    final SettingsModelDoubleBounded m_fraction =
        add(FRACTION, new SettingsModelDoubleBounded(FRACTION, 0.2, Double.MIN_VALUE, 1.0));

    final SettingsModelDoubleBounded m_probability =
        add(PROBABILITY, new SettingsModelDoubleBounded(PROBABILITY, 0.2, Double.MIN_VALUE, 1.0));

    final SettingsModelIntegerBounded m_perRow =
        add(PER_ROW, new SettingsModelIntegerBounded(PER_ROW, 20, 1, Integer.MAX_VALUE));

    final SettingsModelDoubleBounded m_exponent =
        add(EXPONENT, new SettingsModelDoubleBounded(EXPONENT, 1.0, 0.0, Double.MAX_VALUE));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    final SettingsModelDoubleBounded m_noise =
        add(NOISE_STD, new SettingsModelDoubleBounded(NOISE_STD, 0.0, 0.0, Double.MAX_VALUE));

    @Override
    public void check() throws InvalidSettingsException {
        SettingsGroup.requireChoice(SCHEME, m_scheme.getStringValue(), SCHEMES);
    }

    /**
     * configure()-time check against the number of matrix columns (rows are unknown before execution).
     *
     * @throws InvalidSettingsException naming the key when the setting cannot fit the matrix
     */
    void checkColumns(final int cols) throws InvalidSettingsException {
        if (FIXED_PER_ROW.equals(m_scheme.getStringValue()) && m_perRow.getIntValue() > cols) {
            throw new InvalidSettingsException("Setting 'per_row' (" + m_perRow.getIntValue()
                + ") exceeds the number of matrix columns (" + cols + ")");
        }
    }

    /** @return the observed entries drawn by the engine sampler this scheme names */
    Observations sample(final DMatrixRMaj w) {
        final long seed = m_seed.getLongValue();
        return switch (SamplingScheme.parse(m_scheme.getStringValue())) {
            case UNIFORM_FRACTION -> Samplers.uniformFraction(w, m_fraction.getDoubleValue(), seed);
            case BERNOULLI -> Samplers.bernoulli(w, m_probability.getDoubleValue(), seed);
            case PER_ROW -> Samplers.perRow(w, m_perRow.getIntValue(), seed);
            case POWER_LAW -> Samplers.powerLaw(w, m_count.getIntValue(), m_exponent.getDoubleValue(), seed);
            case UNIFORM_COUNT -> Samplers.uniform(w, m_count.getIntValue(), seed);
        };
    }

    /** @return "scheme 'x' with 'key' = value" for error messages */
    String describe() {
        final String scheme = m_scheme.getStringValue();
        final String param = switch (SamplingScheme.parse(scheme)) {
            case UNIFORM_FRACTION -> FRACTION + "' = " + m_fraction.getDoubleValue();
            case BERNOULLI -> PROBABILITY + "' = " + m_probability.getDoubleValue();
            case PER_ROW -> PER_ROW + "' = " + m_perRow.getIntValue();
            case POWER_LAW -> COUNT + "' = " + m_count.getIntValue() + ", '" + EXPONENT + "' = "
                + m_exponent.getDoubleValue();
            case UNIFORM_COUNT -> COUNT + "' = " + m_count.getIntValue();
        };
        return "scheme '" + scheme + "' with '" + param;
    }

    /** @return the seed of the observation noise: the sampling seed + 1, so mask and noise are independent */
    long noiseSeed() {
        return m_seed.getLongValue() + 1;
    }

    @Override
    protected ObservationMaskBuilderSettings newInstance() {
        return new ObservationMaskBuilderSettings();
    }
}
