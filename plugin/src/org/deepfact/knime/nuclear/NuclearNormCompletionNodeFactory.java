package org.deepfact.knime.nuclear;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Nuclear Norm Completion node. Never rename: workflows store this class name. */
public final class NuclearNormCompletionNodeFactory extends DialogNodeFactory<NuclearNormCompletionNodeModel> {

    @Override
    public NuclearNormCompletionNodeModel createNodeModel() {
        return new NuclearNormCompletionNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NuclearNormCompletionNodeDialog();
    }
}
