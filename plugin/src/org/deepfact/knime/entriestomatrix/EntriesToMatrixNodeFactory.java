package org.deepfact.knime.entriestomatrix;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Entries to Matrix node. Class name is part of saved workflows: never rename. */
public final class EntriesToMatrixNodeFactory extends NodeFactory<EntriesToMatrixNodeModel> {

    @Override
    public EntriesToMatrixNodeModel createNodeModel() {
        return new EntriesToMatrixNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<EntriesToMatrixNodeModel> createNodeView(final int viewIndex,
        final EntriesToMatrixNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EntriesToMatrixNodeDialog();
    }
}
