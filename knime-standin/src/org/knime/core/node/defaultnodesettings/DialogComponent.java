package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DialogComponent} class.
 * <p>
 * A Swing panel bound to a {@link SettingsModel}: loading checks the specs, loads the model and refreshes the
 * component; saving commits the component's value into the model and saves the model. Headless-safe (lightweight
 * components only, never shown).
 */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private final JPanel m_panel;

    private PortObjectSpec[] m_lastSpecs;

    /**
     * @param model the model, not null
     */
    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel can't be null.");
        }
        m_model = model;
        m_panel = new JPanel();
    }

    /** @return the panel holding this component's widgets */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the model */
    public final SettingsModel getModel() {
        return m_model;
    }

    /**
     * @param portID the input port
     * @return the spec of that port from the last load, or null
     */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        return m_lastSpecs == null ? null : m_lastSpecs[portID];
    }

    /** @return the specs from the last load, or null */
    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    /**
     * @param settings to load from
     * @param specs the input specs
     * @throws NotConfigurableException if the specs rule out configuration
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs;
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    /** Shows the model's value (and enabled state) in the widgets. */
    protected abstract void updateComponent();

    /**
     * @param settings to save into
     * @throws InvalidSettingsException if the widget holds an invalid value and the model is enabled
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (InvalidSettingsException e) {
            if (m_model.isEnabled()) {
                throw e;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    /**
     * Commits the widget's value into the model.
     *
     * @throws InvalidSettingsException if the value is invalid
     */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /**
     * @param specs the input specs
     * @throws NotConfigurableException if this component cannot work with them
     */
    protected abstract void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param enabled the enabled state of the widgets
     */
    protected abstract void setEnabledComponents(final boolean enabled);

    /**
     * @param text the tool tip
     */
    public abstract void setToolTipText(final String text);
}
