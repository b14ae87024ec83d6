package org.deepfact.knime.tensorlearner;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Tensor Factorization Learner node. Class name is part of saved workflows: never rename. */
public final class TensorFactorizationLearnerNodeFactory
    extends DialogNodeFactory<TensorFactorizationLearnerNodeModel> {

    @Override
    public TensorFactorizationLearnerNodeModel createNodeModel() {
        return new TensorFactorizationLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TensorFactorizationLearnerNodeDialog();
    }
}
