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
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createFactorizationModel(),
            LearnerSettings.LABEL_FACTORIZATION, LearnerSettings.FACTORIZATION_NAMES));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createDepthModel(), LearnerSettings.LABEL_DEPTH, 1));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createWidthModel(), LearnerSettings.LABEL_WIDTH, 1));
        addDialogComponent(
            new DialogComponentStringSelection(LearnerSettings.createInitModel(), LearnerSettings.LABEL_INIT,
            LearnerSettings.INIT_NAMES));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createInitScaleModel(), LearnerSettings.LABEL_INIT_SCALE, 1e-4));
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createInitConditionModel(),
            LearnerSettings.LABEL_INIT_CONDITION, LearnerSettings.INIT_CONDITION_NAMES));
        addDialogComponent(new DialogComponentNumber(LearnerSettings.createSeedModel(), LearnerSettings.LABEL_SEED, 1));
        closeCurrentGroup();
        createNewGroup("Optimisation");
        addDialogComponent(
            new DialogComponentStringSelection(LearnerSettings.createOptimizerModel(), LearnerSettings.LABEL_OPTIMIZER,
            LearnerSettings.OPTIMIZER_NAMES));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLearningRateModel(),
                LearnerSettings.LABEL_LEARNING_RATE, 1e-4));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createMaxIterationsModel(),
                LearnerSettings.LABEL_MAX_ITERATIONS, 1000));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLossThresholdModel(),
                LearnerSettings.LABEL_LOSS_THRESHOLD, 1e-7));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createThreadsModel(), LearnerSettings.LABEL_THREADS, 1));
        addDialogComponent(new DialogComponentStringSelection(LearnerSettings.createOnDivergenceModel(),
            LearnerSettings.LABEL_ON_DIVERGENCE, LearnerSettings.ON_DIVERGENCE_NAMES));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createLogEveryModel(), LearnerSettings.LABEL_LOG_EVERY, 10));
        addDialogComponent(
            new DialogComponentNumber(LearnerSettings.createTopKModel(), LearnerSettings.LABEL_TOP_K, 1));
        addDialogComponent(
            new DialogComponentBoolean(LearnerSettings.createOutputFactorsModel(),
                LearnerSettings.LABEL_OUTPUT_FACTORS));
        addDialogComponent(new DialogComponentBoolean(LearnerSettings.createLongSingularValuesModel(),
            LearnerSettings.LABEL_LONG_SINGULAR_VALUES));
        closeCurrentGroup();
        createNewTab("Input columns");
        EntriesDialog.addTo(this, DeepFactorizationLearnerNodeModel.IN_ENTRIES);
    }
}
