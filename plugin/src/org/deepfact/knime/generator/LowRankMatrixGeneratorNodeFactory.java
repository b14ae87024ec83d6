package org.deepfact.knime.generator;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Low-Rank Matrix Generator node. Class name is part of saved workflows: never rename. */
public final class LowRankMatrixGeneratorNodeFactory extends DialogNodeFactory<LowRankMatrixGeneratorNodeModel> {

    @Override
    public LowRankMatrixGeneratorNodeModel createNodeModel() {
        return new LowRankMatrixGeneratorNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LowRankMatrixGeneratorNodeDialog();
    }
}
