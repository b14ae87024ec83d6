package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DefaultNodeSettingsPane} class.
 * <p>
 * A dialog assembled from {@link DialogComponent}s (optionally in titled groups and tabs); loading and saving
 * delegate to every component in the order added, then to the additional-settings hooks. Headless-safe.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> m_components = new ArrayList<>();

    private JPanel m_tabPanel;

    private JPanel m_currentPanel;

    private Box m_currentBox;

    private boolean m_horizontal;

    /** Creates a pane with one tab "Options". */
    public DefaultNodeSettingsPane() {
        super();
        newTabPanel();
        addTab("Options", m_tabPanel);
    }

    private void newTabPanel() {
        m_tabPanel = new JPanel();
        m_tabPanel.setLayout(new BoxLayout(m_tabPanel, BoxLayout.Y_AXIS));
        m_currentPanel = m_tabPanel;
        newBox();
    }

    private void newBox() {
        m_currentBox = m_horizontal ? Box.createHorizontalBox() : Box.createVerticalBox();
        m_currentPanel.add(m_currentBox);
    }

    /**
     * @param tabTitle title of a new tab receiving all further components
     */
    public void createNewTab(final String tabTitle) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        newTabPanel();
        addTab(tabTitle, m_tabPanel);
    }

    /**
     * @param title title of a new bordered group receiving all further components
     */
    public void createNewGroup(final String title) {
        final JPanel group = new JPanel();
        group.setLayout(new BoxLayout(group, BoxLayout.Y_AXIS));
        group.setBorder(BorderFactory.createTitledBorder(title));
        m_tabPanel.add(group);
        m_currentPanel = group;
        newBox();
    }

    /** Ends the current group; further components go to the tab panel. */
    public void closeCurrentGroup() {
        m_currentPanel = m_tabPanel;
        newBox();
    }

    /**
     * @param diaC the component to add (its model is loaded and saved with this dialog)
     */
    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_currentBox.add(diaC.getComponentPanel());
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
    }
}
