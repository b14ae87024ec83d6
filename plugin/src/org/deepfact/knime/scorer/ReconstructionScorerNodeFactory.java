package org.deepfact.knime.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Reconstruction Scorer node. Class name is part of saved workflows: never rename. */
public final class ReconstructionScorerNodeFactory extends NodeFactory<ReconstructionScorerNodeModel> {

    @Override
    public ReconstructionScorerNodeModel createNodeModel() {
        return new ReconstructionScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ReconstructionScorerNodeModel> createNodeView(final int viewIndex,
        final ReconstructionScorerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ReconstructionScorerNodeDialog();
    }
}
