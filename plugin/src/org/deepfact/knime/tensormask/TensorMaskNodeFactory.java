package org.deepfact.knime.tensormask;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Tensor Mask node. Class name is part of saved workflows: never rename. */
public final class TensorMaskNodeFactory extends DialogNodeFactory<TensorMaskNodeModel> {

    @Override
    public TensorMaskNodeModel createNodeModel() {
        return new TensorMaskNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TensorMaskNodeDialog();
    }
}
