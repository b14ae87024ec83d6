package org.deepfact.knime.generator;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Low-Rank Matrix Generator. */
final class LowRankMatrixGeneratorNodeDialog extends DefaultNodeSettingsPane {

    LowRankMatrixGeneratorNodeDialog() {
        final LowRankMatrixGeneratorSettings s = new LowRankMatrixGeneratorSettings();
        createNewGroup("Shape");
        addDialogComponent(new DialogComponentNumber(s.m_rows, "Rows", 1));
        addDialogComponent(new DialogComponentNumber(s.m_cols, "Columns", 1));
        addDialogComponent(new DialogComponentNumber(s.m_rank, "Rank", 1));
        closeCurrentGroup();
        createNewGroup("Structure and spectrum");
        addDialogComponent(new DialogComponentStringSelection(s.m_structure, "Structure",
            LowRankMatrixGeneratorSettings.STRUCTURES));
        addDialogComponent(new DialogComponentStringSelection(s.m_profile, "Singular-value profile",
            LowRankMatrixGeneratorSettings.PROFILES));
        addDialogComponent(new DialogComponentNumber(s.m_condition, "Condition number (geometric profile)", 1.0));
        s.m_profile.addChangeListener(e -> s.m_condition
            .setEnabled(LowRankMatrixGeneratorSettings.PROFILE_GEOMETRIC.equals(s.m_profile.getStringValue())));
        s.m_condition.setEnabled(false);
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
    }
}
