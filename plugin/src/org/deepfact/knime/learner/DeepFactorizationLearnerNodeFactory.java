package org.deepfact.knime.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Deep Matrix Factorization Learner node. Never rename: workflows store this class name. */
public final class DeepFactorizationLearnerNodeFactory extends NodeFactory<DeepFactorizationLearnerNodeModel> {

    @Override
    public DeepFactorizationLearnerNodeModel createNodeModel() {
        return new DeepFactorizationLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<DeepFactorizationLearnerNodeModel> createNodeView(final int viewIndex,
        final DeepFactorizationLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The node has no views, requested view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DeepFactorizationLearnerNodeDialog();
    }
}
