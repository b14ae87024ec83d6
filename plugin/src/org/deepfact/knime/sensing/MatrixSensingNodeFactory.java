package org.deepfact.knime.sensing;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Matrix Sensing Measurements node. Class name is part of saved workflows: never rename. */
public final class MatrixSensingNodeFactory extends DialogNodeFactory<MatrixSensingNodeModel> {

    @Override
    public MatrixSensingNodeModel createNodeModel() {
        return new MatrixSensingNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixSensingNodeDialog();
    }
}
