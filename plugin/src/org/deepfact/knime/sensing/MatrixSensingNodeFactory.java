package org.deepfact.knime.sensing;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Matrix Sensing Measurements node. Class name is part of saved workflows: never rename. */
public final class MatrixSensingNodeFactory extends NodeFactory<MatrixSensingNodeModel> {

    @Override
    public MatrixSensingNodeModel createNodeModel() {
        return new MatrixSensingNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MatrixSensingNodeModel> createNodeView(final int viewIndex,
        final MatrixSensingNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixSensingNodeDialog();
    }
}
