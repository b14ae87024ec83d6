package org.deepfact.knime.mask;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Observation Mask Builder node. Class name is part of saved workflows: never rename. */
public final class ObservationMaskBuilderNodeFactory extends DialogNodeFactory<ObservationMaskBuilderNodeModel> {

    @Override
    public ObservationMaskBuilderNodeModel createNodeModel() {
        return new ObservationMaskBuilderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ObservationMaskBuilderNodeDialog();
    }
}
