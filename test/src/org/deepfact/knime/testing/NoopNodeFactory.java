package org.deepfact.knime.testing;

import org.deepfact.knime.common.PersistentSettings;
import org.deepfact.knime.common.StatelessNodeModel;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/** A factory of a do-nothing node, for tests that need an ExecutionContext but no particular node. */
public final class NoopNodeFactory extends NodeFactory<NoopNodeFactory.Model> {

    /** No settings at all. */
    private static final class NoSettings implements PersistentSettings {
        @Override
        public void saveTo(final NodeSettingsWO settings) {
        }

        @Override
        public void validate(final NodeSettingsRO settings) {
        }

        @Override
        public void loadFrom(final NodeSettingsRO settings) {
        }
    }

    /** A node without ports or settings. */
    public static final class Model extends StatelessNodeModel<PersistentSettings> {
        Model() {
            super(0, 0, new NoSettings());
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
