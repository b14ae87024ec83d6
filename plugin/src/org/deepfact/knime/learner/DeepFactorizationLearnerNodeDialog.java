package org.deepfact.knime.learner;

import org.deepfact.knime.completion.EntriesDialog;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Deep Matrix Factorization Learner: model, optimisation, output, input columns. */
final class DeepFactorizationLearnerNodeDialog extends DefaultNodeSettingsPane {

    DeepFactorizationLearnerNodeDialog() {
        createNewGroup("Model");
        addDialogComponent(new DialogComponentNumber(LearnerSettings.createDepthModel(), "Depth N", 1));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createWidthModel(), "Hidden width (0 = columns)", 1));
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createInitModel(), "Initialisation",
            LearnerSettings.INIT_NAMES));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createInitScaleModel(), "Initialisation scale", 1e-4));
        addDialogComponent(new DialogComponentNumber(LearnerSettings.createSeedModel(), "Seed", 1));
        closeCurrentGroup();
        createNewGroup("Optimisation");
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createOptimizerModel(), "Optimizer",
            LearnerSettings.OPTIMIZER_NAMES));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLearningRateModel(), "Learning rate", 1e-4));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createMaxIterationsModel(), "Maximum iterations", 1000));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLossThresholdModel(), "Stop at train loss", 1e-7));
        addDialogComponent(new DialogComponentNumber(LearnerSettings.createThreadsModel(), "Threads", 1));
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createOnDivergenceModel(),
            "If training diverges", LearnerSettings.ON_DIVERGENCE_NAMES));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLogEveryModel(), "Record history every", 10));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createTopKModel(), "Singular values recorded (k)", 1));
        addDialogComponent(
            new DialogComponentBoolean(LearnerSettings.createOutputFactorsModel(), "Output the factors"));
        addDialogComponent(new DialogComponentBoolean(LearnerSettings.createLongSingularValuesModel(),
            "Singular values in long form (iteration, index, singular_value)"));
        closeCurrentGroup();
        createNewTab("Input columns");
        EntriesDialog.addTo(this, DeepFactorizationLearnerNodeModel.IN_ENTRIES);
    }
}
