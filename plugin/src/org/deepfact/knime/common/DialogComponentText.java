package org.deepfact.knime.common;

import java.awt.FlowLayout;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A labelled one-line text field for a {@link SettingsModelString}, e.g. a comma-separated list of
 * numbers. (KNIME's DialogComponentString does the same; the offline KNIME stand-in the plugin
 * compiles against lacks it, and this keeps both builds on one dialog.)
 */
public final class DialogComponentText extends DialogComponent {

    private final JTextField m_field;

    /**
     * @param model the setting
     * @param label the label shown before the field
     * @param columns width of the field in characters
     */
    public DialogComponentText(final SettingsModelString model, final String label, final int columns) {
        super(model);
        m_field = new JTextField(columns);
        getComponentPanel().setLayout(new FlowLayout(FlowLayout.LEFT));
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_field);
        updateComponent();
    }

    private SettingsModelString model() {
        return (SettingsModelString)getModel();
    }

    @Override
    protected void updateComponent() {
        final String v = model().getStringValue();
        if (!m_field.getText().equals(v)) {
            m_field.setText(v == null ? "" : v);
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        model().setStringValue(m_field.getText().trim());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
    }
}
