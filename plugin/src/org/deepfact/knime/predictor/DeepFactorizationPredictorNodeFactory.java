package org.deepfact.knime.predictor;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Deep Factorization Predictor node. Never rename: workflows store this class name. */
public final class DeepFactorizationPredictorNodeFactory
    extends DialogNodeFactory<DeepFactorizationPredictorNodeModel> {

    @Override
    public DeepFactorizationPredictorNodeModel createNodeModel() {
        return new DeepFactorizationPredictorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeepFactorizationPredictorNodeDialog();
    }
}
