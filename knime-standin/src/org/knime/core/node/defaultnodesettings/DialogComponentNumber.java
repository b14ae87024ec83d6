package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DialogComponentNumber} class.
 * <p>
 * A label and a text field for a numeric model (KNIME uses a spinner with the given step; the stand-in keeps the step
 * but edits the value as text).
 */
public class DialogComponentNumber extends DialogComponent {

    private final JTextField m_field;

    private final JLabel m_label;

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize the spinner step
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize the spinner step
     * @param compWidth the field width in columns
     */
    private DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        if (stepSize == null) {
            throw new NullPointerException("Step size must not be null");
        }
        m_label = new JLabel(label);
        m_field = new JTextField(compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        numberModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final SettingsModelNumber model = (SettingsModelNumber)getModel();
        final String text = model.getNumberValueStr();
        if (!text.equals(m_field.getText())) {
            m_field.setText(text);
        }
        setEnabledComponents(model.isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber)getModel()).setNumberValueStr(m_field.getText());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
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
