package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DialogComponentString} class.
 * <p>
 * A label and a text field for a string model.
 */
public class DialogComponentString extends DialogComponent {

    private final JTextField m_field;

    private final JLabel m_label;

    /**
     * @param stringModel the model
     * @param label the label
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        super(stringModel);
        m_label = new JLabel(label);
        m_field = new JTextField(15);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        stringModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        final String text = v == null ? "" : v;
        if (!text.equals(m_field.getText())) {
            m_field.setText(text);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString)getModel()).setStringValue(m_field.getText());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
