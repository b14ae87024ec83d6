package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Offline stand-in for KNIME's {@code SettingsModelLongBounded} class.
 * <p>
 * A {@link SettingsModelLong} whose value must lie in [min, max]: out-of-range values are rejected with
 * {@link IllegalArgumentException} when set and {@link InvalidSettingsException} when validated or loaded.
 */
public class SettingsModelLongBounded extends SettingsModelLong {

    private final long m_minValue;

    private final long m_maxValue;

    /**
     * @param configName the key
     * @param defaultValue the initial value, within the bounds
     * @param minValue the lower bound
     * @param maxValue the upper bound
     */
    public SettingsModelLongBounded(final String configName, final long defaultValue, final long minValue,
        final long maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        try {
            checkBounds(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("InitialValue: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelLongBounded createClone() {
        return new SettingsModelLongBounded(getConfigName(), getLongValue(), m_minValue, m_maxValue);
    }

    /** @return the lower bound */
    public long getLowerBound() {
        return m_minValue;
    }

    /** @return the upper bound */
    public long getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final long value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    public void setLongValue(final long newValue) {
        checkBounds(newValue);
        super.setLongValue(newValue);
    }

    private void checkBounds(final long value) {
        if (!(value >= m_minValue && value <= m_maxValue)) {
            throw new IllegalArgumentException(
                "value (=" + value + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }
}
