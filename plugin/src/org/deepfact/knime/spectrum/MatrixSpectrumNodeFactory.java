package org.deepfact.knime.spectrum;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Matrix Spectrum node. Class name is part of saved workflows: never rename. */
public final class MatrixSpectrumNodeFactory extends NodeFactory<MatrixSpectrumNodeModel> {

    @Override
    public MatrixSpectrumNodeModel createNodeModel() {
        return new MatrixSpectrumNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<MatrixSpectrumNodeModel> createNodeView(final int viewIndex,
        final MatrixSpectrumNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("This node has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixSpectrumNodeDialog();
    }
}
