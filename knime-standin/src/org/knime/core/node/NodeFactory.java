package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code NodeFactory} class.
 * <p>
 * Creates a node's model, views and dialog. KNIME's factory also reads the node description XML next to the factory
 * class; the stand-in does not.
 *
 * @param <T> the concrete model type
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** Creates the factory. */
    protected NodeFactory() {
        // nothing to initialise offline
    }

    /** @return a new model */
    public abstract T createNodeModel();

    /** @return the number of views */
    protected abstract int getNrNodeViews();

    /**
     * @param viewIndex the view index
     * @param nodeModel the model to view
     * @return a new view
     */
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    /** @return whether the node has a dialog */
    protected abstract boolean hasDialog();

    /** @return a new dialog pane */
    protected abstract NodeDialogPane createNodeDialogPane();
}
