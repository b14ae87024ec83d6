package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Offline stand-in for KNIME's {@code DefaultNodeProgressMonitor} class.
 * <p>
 * Records the latest progress value (null until set; values outside [0, 1] are ignored), the latest message and the
 * cancel flag. Unlike KNIME there are no listeners and no notification thread; the recorded state is read through
 * {@link #getProgress()} and {@link #getMessage()}.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private static final Supplier<String> NO_MESSAGE = () -> null;

    private volatile boolean m_cancel;

    private Double m_progress;

    private Supplier<String> m_message = NO_MESSAGE;

    /** Creates a monitor without progress and message. */
    public DefaultNodeProgressMonitor() {
    }

    @Override
    public synchronized void reset() {
        m_cancel = false;
        m_progress = null;
        m_message = NO_MESSAGE;
    }

    /** @return whether cancellation was requested (or the thread is interrupted) */
    protected boolean isCanceled() {
        return m_cancel || Thread.currentThread().isInterrupted();
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_cancel = true;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        setProgressValue(progress);
        m_message = () -> message;
    }

    @Override
    public synchronized void setProgress(final double progress, final Supplier<String> message) {
        if (message == null) {
            throw new IllegalArgumentException("Message supplier must not be null");
        }
        setProgressValue(progress);
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final double progress) {
        setProgressValue(progress);
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = () -> message;
    }

    @Override
    public synchronized void setMessage(final Supplier<String> message) {
        if (message == null) {
            throw new IllegalArgumentException("Message supplier must not be null");
        }
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final String message) {
        m_message = () -> message;
    }

    private void setProgressValue(final double progress) {
        if (progress >= 0.0 && progress <= 1.0) {
            m_progress = progress;
        }
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message.get();
    }
}
