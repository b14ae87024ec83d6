package org.deepfact.knime.testing;

import java.io.File;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/** A factory of a do-nothing node, for tests that need an ExecutionContext but no particular node. */
public final class NoopNodeFactory extends NodeFactory<NoopNodeFactory.Model> {

    /** A node without ports or settings. */
    public static final class Model extends NodeModel {
        Model() {
            super(0, 0);
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void reset() {
        }
    }

    @Override
    public Model createNodeModel() {
        return new Model();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<Model> createNodeView(final int viewIndex, final Model nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
