package org.deepfact.knime.sweep;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Recovery Sweep node. Never rename: workflows store this class name. */
public final class RecoverySweepNodeFactory extends DialogNodeFactory<RecoverySweepNodeModel> {

    @Override
    public RecoverySweepNodeModel createNodeModel() {
        return new RecoverySweepNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new RecoverySweepNodeDialog();
    }
}
