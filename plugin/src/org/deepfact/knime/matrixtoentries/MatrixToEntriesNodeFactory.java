package org.deepfact.knime.matrixtoentries;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Matrix to Entries node. Class name is part of saved workflows: never rename. */
public final class MatrixToEntriesNodeFactory extends DialogNodeFactory<MatrixToEntriesNodeModel> {

    @Override
    public MatrixToEntriesNodeModel createNodeModel() {
        return new MatrixToEntriesNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new MatrixToEntriesNodeDialog();
    }
}
