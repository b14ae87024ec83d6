package org.deepfact.knime.nuclear;

import org.deepfact.knime.completion.EntriesDialog;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;

/** Dialog of Nuclear Norm Completion: constraints, solver, input columns. */
final class NuclearNormCompletionNodeDialog extends DefaultNodeSettingsPane {

    NuclearNormCompletionNodeDialog() {
        createNewGroup("Constraints");
        final SettingsModelDouble epsilon = NuclearNormSettings.createEpsilonModel();
        final SettingsModelBoolean equality = NuclearNormSettings.createEqualityModel();
        addDialogComponent(new DialogComponentNumber(epsilon, "Slack epsilon (|X_ij - y_ij| <= epsilon)", 1e-4));
        addDialogComponent(new DialogComponentBoolean(equality, "Equality constraints (ignore epsilon)"));
        equality.addChangeListener(e -> epsilon.setEnabled(!equality.getBooleanValue()));
        addDialogComponent(
            new DialogComponentBoolean(NuclearNormSettings.createPsdModel(), NuclearNormSettings.LABEL_PSD));
        closeCurrentGroup();
        createNewGroup("Solver");
        addDialogComponent(
            new DialogComponentNumber(NuclearNormSettings.createToleranceModel(), "Relative tolerance", 1e-7));
        addDialogComponent(
            new DialogComponentNumber(NuclearNormSettings.createMaxIterationsModel(), "Maximum iterations", 1000));
        closeCurrentGroup();
        createNewTab("Input columns");
        EntriesDialog.addTo(this, NuclearNormCompletionNodeModel.IN_ENTRIES);
    }
}
