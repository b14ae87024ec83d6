package org.deepfact.knime.scorer;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Reconstruction Scorer node. Class name is part of saved workflows: never rename. */
public final class ReconstructionScorerNodeFactory extends DialogNodeFactory<ReconstructionScorerNodeModel> {

    @Override
    public ReconstructionScorerNodeModel createNodeModel() {
        return new ReconstructionScorerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ReconstructionScorerNodeDialog();
    }
}
