package org.deepfact.knime.predictor;

import org.knime.core.data.DataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Dialog of the Deep Factorization Predictor: the key columns of the pairs table. */
final class DeepFactorizationPredictorNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    DeepFactorizationPredictorNodeDialog() {
        PredictorSettings s = new PredictorSettings();
        createNewGroup("Pairs to predict");
        addDialogComponent(new DialogComponentColumnNameSelection(s.rowModel(), PredictorSettings.LABEL_ROW,
            DeepFactorizationPredictorNodeModel.IN_PAIRS, false, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.columnModel(), PredictorSettings.LABEL_COLUMN,
            DeepFactorizationPredictorNodeModel.IN_PAIRS, false, DataValue.class));
        closeCurrentGroup();
    }
}
