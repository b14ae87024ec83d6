package org.deepfact.knime.generator;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Low-Rank Matrix Generator node. Class name is part of saved workflows: never rename. */
public final class LowRankMatrixGeneratorNodeFactory extends NodeFactory<LowRankMatrixGeneratorNodeModel> {

    @Override
    public LowRankMatrixGeneratorNodeModel createNodeModel() {
        return new LowRankMatrixGeneratorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LowRankMatrixGeneratorNodeModel> createNodeView(final int viewIndex,
        final LowRankMatrixGeneratorNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LowRankMatrixGeneratorNodeDialog();
    }
}
