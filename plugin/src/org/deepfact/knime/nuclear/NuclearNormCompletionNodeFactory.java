package org.deepfact.knime.nuclear;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Nuclear Norm Completion node. Never rename: workflows store this class name. */
public final class NuclearNormCompletionNodeFactory extends NodeFactory<NuclearNormCompletionNodeModel> {

    @Override
    public NuclearNormCompletionNodeModel createNodeModel() {
        return new NuclearNormCompletionNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<NuclearNormCompletionNodeModel> createNodeView(final int viewIndex,
        final NuclearNormCompletionNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The node has no views, requested view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NuclearNormCompletionNodeDialog();
    }
}
