package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DialogComponentColumnNameSelection} class.
 * <p>
 * A combo box listing the columns of input {@code specIndex} whose type is compatible with any of the value classes.
 * If the column is required and no column qualifies, loading fails with {@link NotConfigurableException}. (KNIME's
 * ColumnFilter and "none" variants are omitted.)
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final JComboBox<String> m_combo;

    private final JLabel m_label;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final Class<? extends DataValue>[] m_classFilter;

    /**
     * @param model the model holding the column name
     * @param label the label
     * @param specIndex the input port whose columns are offered
     * @param classFilter accepted value classes
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    /**
     * @param model the model holding the column name
     * @param label the label
     * @param specIndex the input port whose columns are offered
     * @param isRequired whether a compatible column must exist
     * @param classFilter accepted value classes
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_classFilter = classFilter.clone();
        m_label = new JLabel(label);
        m_combo = new JComboBox<>();
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        model.addChangeListener(e -> updateComponent());
    }

    private List<String> compatibleColumns(final PortObjectSpec spec) {
        final List<String> names = new ArrayList<>();
        if (spec instanceof DataTableSpec) {
            for (DataColumnSpec c : (DataTableSpec)spec) {
                boolean ok = m_classFilter.length == 0;
                for (Class<? extends DataValue> v : m_classFilter) {
                    ok |= c.getType().isCompatible(v);
                }
                if (ok) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    @Override
    protected void updateComponent() {
        final PortObjectSpec spec = getLastTableSpec(m_specIndex);
        final List<String> names = compatibleColumns(spec);
        m_combo.removeAllItems();
        for (String n : names) {
            m_combo.addItem(n);
        }
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (v != null && names.contains(v)) {
            m_combo.setSelectedItem(v);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final Object sel = m_combo.getSelectedItem();
        if (sel == null && m_isRequired) {
            throw new InvalidSettingsException("Please select a column.");
        }
        ((SettingsModelString)getModel()).setStringValue(sel == null ? null : sel.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex || specs[m_specIndex] == null) {
            if (m_isRequired) {
                throw new NotConfigurableException("Need input table spec at port " + m_specIndex);
            }
            return;
        }
        if (m_isRequired && compatibleColumns(specs[m_specIndex]).isEmpty()) {
            throw new NotConfigurableException("No column in spec compatible to the accepted types.");
        }
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
