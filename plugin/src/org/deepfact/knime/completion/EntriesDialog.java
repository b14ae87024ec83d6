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
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().rowModel(),
            EntriesSettings.LABEL_ROW_COLUMN, entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().columnModel(),
            EntriesSettings.LABEL_COLUMN_COLUMN, entriesPort, false, DataValue.class));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(s.columns().valueModel(),
            EntriesSettings.LABEL_VALUE_COLUMN, entriesPort, false, DoubleValue.class));
        pane.addDialogComponent(new DialogComponentStringSelection(s.keyModeModel(), EntriesSettings.LABEL_KEY_MODE,
            EntriesSettings.MODE_INDEX, EntriesSettings.MODE_ID));
        pane.closeCurrentGroup();
        pane.createNewGroup("Matrix shape for index keys (0 = largest index + 1)");
        pane.addDialogComponent(new DialogComponentNumber(s.rowsModel(), EntriesSettings.LABEL_ROWS, 1));
        pane.addDialogComponent(new DialogComponentNumber(s.colsModel(), EntriesSettings.LABEL_COLS, 1));
        pane.closeCurrentGroup();
    }
}
