package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Offline stand-in for KNIME's {@code ExecutionMonitor} class.
 * <p>
 * Forwards progress, messages and cancel checks to its {@link NodeProgressMonitor}. Sub-progress monitors scale
 * their [0, 1] progress into a fraction of the parent's range (added to the parent's progress as it advances) and
 * forward messages unchanged (silent ones drop them); cancellation is always checked at the root.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** Creates a monitor with a fresh {@link DefaultNodeProgressMonitor}. */
    public ExecutionMonitor() {
        this(null);
    }

    /**
     * @param progress the progress monitor to forward to; null for a fresh default one
     */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new DefaultNodeProgressMonitor() : progress;
    }

    boolean isCanceled() {
        try {
            m_progress.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /**
     * @throws CanceledExecutionException if cancellation was requested
     */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    /** @param progress value in [0, 1] */
    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    /**
     * @param progress value in [0, 1]
     * @param message the message
     */
    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    /** @param message the message */
    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /**
     * @param maxProg the fraction of this monitor's range the sub-monitor covers, in [0, 1]
     * @return a sub-monitor
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(createSubProgressMonitor(maxProg));
    }

    NodeProgressMonitor createSubProgressMonitor(final double maxProg) {
        checkRange(maxProg);
        return new SubProgress(m_progress, maxProg, false);
    }

    NodeProgressMonitor createSilentSubProgressMonitor(final double maxProg) {
        checkRange(maxProg);
        return new SubProgress(m_progress, maxProg, true);
    }

    private static void checkRange(final double maxProg) {
        if (maxProg > 1.0 || maxProg < 0.0) {
            throw new IllegalArgumentException("Invalid sub progress size: " + maxProg);
        }
    }

    /** Sub-progress monitor scaling into a parent's range. */
    private static final class SubProgress implements NodeProgressMonitor {
        private final NodeProgressMonitor m_parent;

        private final double m_max;

        private final boolean m_silent;

        private double m_last;

        private String m_message;

        SubProgress(final NodeProgressMonitor parent, final double max, final boolean silent) {
            m_parent = parent;
            m_max = max;
            m_silent = silent;
        }

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            m_parent.checkCanceled();
        }

        @Override
        public void setProgress(final double progress) {
            advance(progress);
        }

        private void advance(final double progress) {
            if (progress < 0.0 || progress > 1.0) {
                return;
            }
            synchronized (m_parent) {
                final Double p = m_parent.getProgress();
                final double base = p == null ? 0.0 : p;
                final double next = base + (progress - m_last) * m_max;
                m_last = progress;
                m_parent.setProgress(Math.min(1.0, Math.max(0.0, next)));
            }
        }

        @Override
        public Double getProgress() {
            return m_last;
        }

        @Override
        public void setProgress(final double progress, final String message) {
            advance(progress);
            setMessage(message);
        }

        @Override
        public void setProgress(final double progress, final Supplier<String> messageSupplier) {
            advance(progress);
            setMessage(messageSupplier);
        }

        @Override
        public void setMessage(final String message) {
            if (!m_silent) {
                m_message = message;
                m_parent.setMessage(message);
            }
        }

        @Override
        public void setMessage(final Supplier<String> messageSupplier) {
            if (messageSupplier == null) {
                throw new IllegalArgumentException("Message supplier must not be null");
            }
            setMessage(messageSupplier.get());
        }

        @Override
        public void setProgress(final String message) {
            setMessage(message);
        }

        @Override
        public String getMessage() {
            return m_message == null ? "" : m_message;
        }

        @Override
        public void setExecuteCanceled() {
            m_parent.setExecuteCanceled();
        }

        @Override
        public void reset() {
            throw new IllegalStateException("Sub progress monitors cannot be reset");
        }
    }
}
