package org.deepfact.knime.matrixtoentries;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Matrix to Entries node. Class name is part of saved workflows: never rename. */
public final class MatrixToEntriesNodeFactory extends NodeFactory<MatrixToEntriesNodeModel> {

    @Override
    public MatrixToEntriesNodeModel createNodeModel() {
        return new MatrixToEntriesNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MatrixToEntriesNodeModel> createNodeView(final int viewIndex,
        final MatrixToEntriesNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixToEntriesNodeDialog();
    }
}
