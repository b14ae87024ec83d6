package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code NodeView} class.
 * <p>
 * A view on a node model; the stand-in never opens windows: opening calls {@link #onOpen()}, closing
 * {@link #onClose()}.
 *
 * @param <T> the model type
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    /**
     * @param nodeModel the model to view, not null
     */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    /** @return the viewed model */
    protected T getNodeModel() {
        return getViewableModel();
    }

    @Override
    protected void callOpenView(final String title) {
        onOpen();
    }

    @Override
    public final void callCloseView() {
        onClose();
    }

    /** Called when the view is opened. */
    protected abstract void onOpen();

    /** Called when the view is closed. */
    protected abstract void onClose();
}
