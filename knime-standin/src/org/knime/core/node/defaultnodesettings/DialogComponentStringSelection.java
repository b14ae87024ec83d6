package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DialogComponentStringSelection} class.
 * <p>
 * A label and a combo box choosing one of a fixed list of strings for a string model.
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JComboBox<String> m_combo;

    private final JLabel m_label;

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices, non-empty
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices, non-empty
     */
    private DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        m_label = new JLabel(label);
        m_combo = new JComboBox<>(list.toArray(new String[0]));
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        stringModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (v != null && !v.equals(m_combo.getSelectedItem())) {
            m_combo.setSelectedItem(v);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final Object sel = m_combo.getSelectedItem();
        if (sel == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
        ((SettingsModelString)getModel()).setStringValue(sel.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
