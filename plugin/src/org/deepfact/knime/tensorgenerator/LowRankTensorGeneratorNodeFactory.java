package org.deepfact.knime.tensorgenerator;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Low-Rank Tensor Generator node. Class name is part of saved workflows: never rename. */
public final class LowRankTensorGeneratorNodeFactory extends DialogNodeFactory<LowRankTensorGeneratorNodeModel> {

    @Override
    public LowRankTensorGeneratorNodeModel createNodeModel() {
        return new LowRankTensorGeneratorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LowRankTensorGeneratorNodeDialog();
    }
}
