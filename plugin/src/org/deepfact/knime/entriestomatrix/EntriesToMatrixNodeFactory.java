package org.deepfact.knime.entriestomatrix;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Entries to Matrix node. Class name is part of saved workflows: never rename. */
public final class EntriesToMatrixNodeFactory extends DialogNodeFactory<EntriesToMatrixNodeModel> {

    @Override
    public EntriesToMatrixNodeModel createNodeModel() {
        return new EntriesToMatrixNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new EntriesToMatrixNodeDialog();
    }
}
