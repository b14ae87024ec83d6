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
        final EntriesSettings s = new EntriesSettings();
        pane.createNewGroup("Observed entries");
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().rowModel(), "Row key column",
            entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().columnModel(),
            "Column key column", entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().valueModel(), "Value column",
            entriesPort, false, DoubleValue.class));
        pane.addDialogComponent(new DialogComponentStringSelection(s.keyModeModel(), "Keys are",
            EntriesSettings.MODE_INDEX, EntriesSettings.MODE_ID));
        pane.closeCurrentGroup();
        pane.createNewGroup("Matrix shape for index keys (0 = largest index + 1)");
        pane.addDialogComponent(new DialogComponentNumber(s.rowsModel(), "Rows", 1));
        pane.addDialogComponent(new DialogComponentNumber(s.colsModel(), "Columns", 1));
        pane.closeCurrentGroup();
    }
}
