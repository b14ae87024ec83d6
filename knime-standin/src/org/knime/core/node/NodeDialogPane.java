package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code NodeDialogPane} class.
 * <p>
 * A panel with tabs plus the settings load/save hooks. Built from lightweight Swing components only, so it can be
 * constructed in a headless JVM; it is never shown. No flow-variable, memory-policy or job-manager tabs.
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel;

    private final JTabbedPane m_tabs;

    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());

    /** Creates an empty dialog pane. */
    protected NodeDialogPane() {
        m_panel = new JPanel(new BorderLayout());
        m_tabs = new JTabbedPane();
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    /**
     * Loads settings for the given input specs; the default casts to table specs and calls
     * {@link #loadSettingsFrom(NodeSettingsRO, DataTableSpec[])}.
     *
     * @param settings the settings (possibly empty or invalid)
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be used with these specs
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input port " + i + " does not hold data table specs");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    /**
     * Loads settings for the given table specs; the default fails.
     *
     * @param settings the settings (possibly empty or invalid)
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be used with these specs
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /**
     * @param settings to write the dialog's settings into
     * @throws InvalidSettingsException if a component holds an invalid value
     */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param title unique tab title
     * @param comp the tab content
     */
    protected final void addTab(final String title, final Component comp) {
        if (title == null || comp == null) {
            throw new NullPointerException("Title and component must not be null");
        }
        m_tabs.addTab(title, comp);
    }
}
