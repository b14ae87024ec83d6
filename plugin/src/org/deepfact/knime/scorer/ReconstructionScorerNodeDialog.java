package org.deepfact.knime.scorer;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Dialog of the Reconstruction Scorer: columns of the optional observed-entries input (port 2). */
final class ReconstructionScorerNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    ReconstructionScorerNodeDialog() {
        final ReconstructionScorerSettings s = new ReconstructionScorerSettings();
        createNewGroup("Observed entries (optional input)");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_columns.rowModel(), "Row index column", 2,
            false, IntValue.class, LongValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_columns.columnModel(),
            "Column index column", 2, false, IntValue.class, LongValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_columns.valueModel(), "Value column", 2, false,
            DoubleValue.class));
        closeCurrentGroup();
    }
}
