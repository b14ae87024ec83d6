package org.deepfact.knime.glrl;

import org.deepfact.knime.completion.EntriesDialog;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Greedy Low-Rank Learner: the greedy rule, gradient descent, output, input columns. */
final class GreedyLowRankLearnerNodeDialog extends DefaultNodeSettingsPane {

    GreedyLowRankLearnerNodeDialog() {
        createNewGroup("Greedy rank increments");
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createEpsilonModel(),
            GreedyLowRankSettings.LABEL_EPSILON, 1e-9));
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createMaxRankModel(),
            GreedyLowRankSettings.LABEL_MAX_RANK, 1));
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createCheckEveryModel(),
            GreedyLowRankSettings.LABEL_CHECK_EVERY, 100));
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createPlateauToleranceModel(),
            GreedyLowRankSettings.LABEL_PLATEAU_TOLERANCE, 1e-4));
        closeCurrentGroup();
        createNewGroup("Gradient descent");
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createLearningRateModel(),
            GreedyLowRankSettings.LABEL_LEARNING_RATE, 0.1));
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createMaxIterationsModel(),
            GreedyLowRankSettings.LABEL_MAX_ITERATIONS, 1000));
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createLossThresholdModel(),
            GreedyLowRankSettings.LABEL_LOSS_THRESHOLD, 1e-7));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentNumber(GreedyLowRankSettings.createLogEveryModel(),
            GreedyLowRankSettings.LABEL_LOG_EVERY, 10));
        closeCurrentGroup();
        createNewTab("Input columns");
        EntriesDialog.addTo(this, GreedyLowRankLearnerNodeModel.IN_ENTRIES);
    }
}
