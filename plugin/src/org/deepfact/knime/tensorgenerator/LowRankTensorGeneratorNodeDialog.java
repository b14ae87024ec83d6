package org.deepfact.knime.tensorgenerator;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Low-Rank Tensor Generator. */
final class LowRankTensorGeneratorNodeDialog extends DefaultNodeSettingsPane {

    LowRankTensorGeneratorNodeDialog() {
        final LowRankTensorGeneratorSettings s = new LowRankTensorGeneratorSettings();
        createNewGroup("Shape");
        addDialogComponent(new DialogComponentNumber(s.m_order, "Order N (modes)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_modeSize, "Dimension of every mode", 1));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(s.m_rank, "Tensor rank", 1));
        addDialogComponent(new DialogComponentNumber(s.m_norm, "Frobenius norm", 0.1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
    }
}
