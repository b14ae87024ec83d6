package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code NodeView} class.
 * <p>
 * A view on a node model; the stand-in never opens windows and keeps only the abstract lifecycle hooks. (In KNIME
 * this class extends {@code AbstractNodeView}, which the stand-in omits.)
 *
 * @param <T> the model type
 */
public abstract class NodeView<T extends NodeModel> {

    private final T m_model;

    /**
     * @param nodeModel the model to view, not null
     */
    protected NodeView(final T nodeModel) {
        if (nodeModel == null) {
            throw new NullPointerException("Node model must not be null");
        }
        m_model = nodeModel;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /** Called when the view is opened. */
    protected abstract void onOpen();

    /** Called when the view is closed. */
    protected abstract void onClose();
}
