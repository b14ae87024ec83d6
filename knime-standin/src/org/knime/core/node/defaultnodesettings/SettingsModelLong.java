package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code SettingsModelLong} class.
 * <p>
 * Holds one long stored under its key; loading a missing key fails with {@link InvalidSettingsException}.
 */
public class SettingsModelLong extends SettingsModelNumber {

    private long m_value;

    private final String m_configName;

    /**
     * @param configName the key, non-empty
     * @param defaultValue the initial value
     */
    public SettingsModelLong(final String configName, final long defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelLong createClone() {
        return new SettingsModelLong(m_configName, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_long";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /**
     * @param newValue the new value
     */
    public void setLongValue(final long newValue) {
        final boolean changed = m_value != newValue;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the current value */
    public long getLongValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        try {
            setLongValue(Long.parseLong(newValueStr.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number format ('" + newValueStr + "')");
        }
    }

    @Override
    String getNumberValueStr() {
        return Long.toString(m_value);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setLongValue(settings.getLong(m_configName, m_value));
        } catch (IllegalArgumentException e) {
            // keep the current value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getLong(m_configName));
    }

    /**
     * Hook for subclasses to reject values.
     *
     * @param value the value to check
     * @throws InvalidSettingsException if the value is not acceptable
     */
    protected void validateValue(final long value) throws InvalidSettingsException {
        // any value is fine here
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setLongValue(settings.getLong(m_configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
