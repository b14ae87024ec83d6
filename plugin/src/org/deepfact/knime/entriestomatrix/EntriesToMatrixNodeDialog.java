package org.deepfact.knime.entriestomatrix;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of Entries to Matrix. */
final class EntriesToMatrixNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    EntriesToMatrixNodeDialog() {
        final EntriesToMatrixSettings s = new EntriesToMatrixSettings();
        createNewGroup("Input columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_columns.rowModel(), "Row index column", 0,
            IntValue.class, LongValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_columns.columnModel(),
            "Column index column", 0, IntValue.class, LongValue.class));
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.m_columns.valueModel(), "Value column", 0, DoubleValue.class));
        closeCurrentGroup();
        createNewGroup("Shape");
        addDialogComponent(new DialogComponentBoolean(s.m_infer, "Infer shape (largest index + 1)"));
        addDialogComponent(new DialogComponentNumber(s.m_rows, "Rows", 1));
        addDialogComponent(new DialogComponentNumber(s.m_cols, "Columns", 1));
        s.m_infer.addChangeListener(e -> {
            s.m_rows.setEnabled(!s.m_infer.getBooleanValue());
            s.m_cols.setEnabled(!s.m_infer.getBooleanValue());
        });
        s.m_rows.setEnabled(false);
        s.m_cols.setEnabled(false);
        closeCurrentGroup();
        createNewGroup("Positions without an entry");
        addDialogComponent(new DialogComponentStringSelection(s.m_missing, "Fill with",
            EntriesToMatrixSettings.MISSING_CHOICES));
        addDialogComponent(new DialogComponentNumber(s.m_fill, "Fill value", 1.0));
        s.m_missing.addChangeListener(e -> s.m_fill.setEnabled(!s.missingCells()));
        closeCurrentGroup();
    }
}
