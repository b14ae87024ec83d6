package org.deepfact.knime.spectrum;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Matrix Spectrum node. Class name is part of saved workflows: never rename. */
public final class MatrixSpectrumNodeFactory extends DialogNodeFactory<MatrixSpectrumNodeModel> {

    @Override
    public MatrixSpectrumNodeModel createNodeModel() {
        return new MatrixSpectrumNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixSpectrumNodeDialog();
    }
}
