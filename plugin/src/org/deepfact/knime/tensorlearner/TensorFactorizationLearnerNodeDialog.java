package org.deepfact.knime.tensorlearner;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Tensor Factorization Learner. */
final class TensorFactorizationLearnerNodeDialog extends DefaultNodeSettingsPane {

    TensorFactorizationLearnerNodeDialog() {
        final TensorLearnerSettings s = new TensorLearnerSettings();
        createNewGroup("Model");
        addDialogComponent(new DialogComponentNumber(s.m_components, "CP components R (0 = maximal rank bound)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_initStd, "Init standard deviation", 1e-3));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        addDialogComponent(new DialogComponentNumber(s.m_modeSize, "Dimension of every mode (0 = from the data)", 1));
        closeCurrentGroup();
        createNewGroup("Optimisation");
        addDialogComponent(new DialogComponentStringSelection(s.m_optimizer, "Optimizer", TensorLearnerSettings.OPTIMIZERS));
        addDialogComponent(new DialogComponentNumber(s.m_lr, "Learning rate", 1e-3));
        addDialogComponent(new DialogComponentNumber(s.m_maxIterations, "Maximum iterations", 1000));
        addDialogComponent(new DialogComponentNumber(s.m_lossThreshold, "Stop at train loss", 1e-9));
        addDialogComponent(new DialogComponentNumber(s.m_threads, "Threads", 1));
        closeCurrentGroup();
        createNewGroup("History");
        addDialogComponent(new DialogComponentNumber(s.m_logEvery, "Record every k iterations", 1));
        addDialogComponent(new DialogComponentNumber(s.m_topK, "Component norms recorded", 1));
        addDialogComponent(new DialogComponentNumber(s.m_rankTolerance, "Rank tolerance tau", 0.01));
        closeCurrentGroup();
    }
}
