package org.deepfact.knime.learner;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Deep Matrix Factorization Learner node. Never rename: workflows store this class name. */
public final class DeepFactorizationLearnerNodeFactory extends DialogNodeFactory<DeepFactorizationLearnerNodeModel> {

    @Override
    public DeepFactorizationLearnerNodeModel createNodeModel() {
        return new DeepFactorizationLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeepFactorizationLearnerNodeDialog();
    }
}
