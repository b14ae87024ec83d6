package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code AbstractNodeView} class.
 * <p>
 * Base of node views: holds the viewed model; the stand-in never opens a view.
 *
 * @param <T> the model type
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Offline stand-in for KNIME's {@code AbstractNodeView.ViewableModel}: what a view can show. */
    public static interface ViewableModel {
    }

    private final T m_viewableModel;

    /**
     * @param viewableModel the model to view, not null
     */
    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("Model must not be null");
        }
        m_viewableModel = viewableModel;
    }

    /** @return the viewed model */
    protected final T getViewableModel() {
        return m_viewableModel;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /**
     * Opens the view.
     *
     * @param title the window title
     */
    protected abstract void callOpenView(final String title);

    /** Closes the view. */
    protected abstract void callCloseView();
}
