package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code SettingsModel} class.
 * <p>
 * A value stored under one key, shared by node model and dialog. Like KNIME, the public final save/validate/load
 * methods also store a sub-config {@code <key>_Internals} holding the model type id and the enabled flag, and then
 * delegate to the protected abstract hooks; a disabled model does not fail on invalid values when loading.
 */
public abstract class SettingsModel {

    private static final String INTERNALS_SUFFIX = "_Internals";

    private static final String MODEL_ID = "SettingsModelID";

    private static final String ENABLED = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Creates an enabled model without listeners. */
    public SettingsModel() {
    }

    /**
     * @param <T> the concrete model type
     * @param settings settings to read the clone's value from
     * @return a clone of this model holding the value from the settings
     * @throws InvalidSettingsException if the settings hold no valid value
     */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final T result = createClone();
        ((SettingsModel)result).m_enabled = m_enabled;
        ((SettingsModel)result).readInternals(settings);
        ((SettingsModel)result).loadSettingsForModel(settings);
        return result;
    }

    /**
     * @param <T> the concrete model type
     * @return a copy with the same configuration and value (no listeners)
     */
    protected abstract <T extends SettingsModel> T createClone();

    /** @return an id shared by all models able to read this model's values */
    protected abstract String getModelTypeID();

    /** @return the key the value is stored under */
    protected abstract String getConfigName();

    /**
     * @param settings settings to load (keep the current value if absent)
     * @param specs the input specs
     * @throws NotConfigurableException if the specs rule out configuration
     */
    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param settings to save into
     * @throws InvalidSettingsException if the current value is invalid
     */
    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    /* called by the dialog components, like KNIME's package-private counterpart */
    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readInternals(settings);
        } catch (InvalidSettingsException e) {
            // dialogs accept anything, including empty settings
        }
        loadSettingsForDialog(settings, specs);
    }

    /* called by the dialog components, like KNIME's package-private counterpart */
    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        writeInternals(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    /**
     * @param l listener notified on value or enabled-state changes
     */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /**
     * @param l listener to notify before all others
     */
    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    /**
     * @param l listener to remove
     */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all listeners. */
    protected void notifyChangeListeners() {
        for (ChangeListener l : m_listeners) {
            l.stateChanged(new ChangeEvent(this));
        }
    }

    /**
     * @param enabled the new enabled state
     */
    public void setEnabled(final boolean enabled) {
        final boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return whether the model is enabled */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * @param settings settings to check without changing this model
     * @throws InvalidSettingsException if they hold no valid value (ignored if they were saved disabled)
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        final boolean before = m_enabled;
        readInternals(settings);
        final boolean stored = m_enabled;
        m_enabled = before;
        if (stored) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if they hold no valid value
     */
    protected abstract void validateSettingsForModel(final NodeSettingsRO settings)
        throws InvalidSettingsException;

    /**
     * @param settings settings to load the value (and enabled state) from
     * @throws InvalidSettingsException if the value is missing or invalid and the model is enabled
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readInternals(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    /**
     * @param settings settings to load the value from
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings settings to save the value (and enabled state) into
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        writeInternals(settings);
        saveSettingsForModel(settings);
    }

    /**
     * @param settings settings to save the value into
     */
    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    private void readInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        final Config internals;
        try {
            internals = settings.getConfig(getConfigName() + INTERNALS_SUFFIX);
        } catch (InvalidSettingsException e) {
            return; // older settings without internals
        }
        internals.getString(MODEL_ID);
        m_enabled = internals.getBoolean(ENABLED);
    }

    private void writeInternals(final NodeSettingsWO settings) {
        final Config internals = settings.addConfig(getConfigName() + INTERNALS_SUFFIX);
        internals.addString(MODEL_ID, getModelTypeID());
        internals.addBoolean(ENABLED, m_enabled);
    }

    @Override
    public abstract String toString();
}
