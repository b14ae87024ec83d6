package org.deepfact.knime.glrl;

import org.deepfact.knime.common.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Greedy Low-Rank Learner node. Never rename: workflows store this class name. */
public final class GreedyLowRankLearnerNodeFactory extends DialogNodeFactory<GreedyLowRankLearnerNodeModel> {

    @Override
    public GreedyLowRankLearnerNodeModel createNodeModel() {
        return new GreedyLowRankLearnerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GreedyLowRankLearnerNodeDialog();
    }
}
