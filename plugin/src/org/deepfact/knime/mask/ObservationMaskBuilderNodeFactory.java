package org.deepfact.knime.mask;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Observation Mask Builder node. Class name is part of saved workflows: never rename. */
public final class ObservationMaskBuilderNodeFactory extends NodeFactory<ObservationMaskBuilderNodeModel> {

    @Override
    public ObservationMaskBuilderNodeModel createNodeModel() {
        return new ObservationMaskBuilderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ObservationMaskBuilderNodeModel> createNodeView(final int viewIndex,
        final ObservationMaskBuilderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ObservationMaskBuilderNodeDialog();
    }
}
