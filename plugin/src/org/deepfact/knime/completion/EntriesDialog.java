package org.deepfact.knime.completion;

import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The "Input columns" group both completion dialogs share. */
public final class EntriesDialog {

    private EntriesDialog() {
    }

    /**
     * Adds the key-column and value-column selection, key mode and explicit shape to a pane.
     *
     * @param entriesPort index of the observed-entries input port
     */
    @SuppressWarnings("unchecked")
    public static void addTo(final DefaultNodeSettingsPane pane, final int entriesPort) {
        pane.createNewGroup("Observed entries");
        pane.addDialogComponent(new DialogComponentColumnNameSelection(EntriesSettings.createRowColumnModel(),
            "Row key column", entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(EntriesSettings.createColumnColumnModel(),
            "Column key column", entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(EntriesSettings.createValueColumnModel(),
            "Value column", entriesPort, false, DoubleValue.class));
        pane.addDialogComponent(new DialogComponentStringSelection(EntriesSettings.createKeyModeModel(),
            "Keys are", EntriesSettings.MODE_INDEX, EntriesSettings.MODE_ID));
        pane.closeCurrentGroup();
        pane.createNewGroup("Matrix shape for index keys (0 = largest index + 1)");
        pane.addDialogComponent(new DialogComponentNumber(EntriesSettings.createRowsModel(), "Rows", 1));
        pane.addDialogComponent(new DialogComponentNumber(EntriesSettings.createColsModel(), "Columns", 1));
        pane.closeCurrentGroup();
    }
}
