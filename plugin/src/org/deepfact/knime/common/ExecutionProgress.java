package org.deepfact.knime.common;

import org.deepfact.engine.ProgressCallback;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Adapts a KNIME {@link ExecutionMonitor} to the engine's {@link ProgressCallback}: progress goes
 * to {@code setProgress(fraction, message)} (message only when the fraction is NaN), and
 * {@link #isCanceled()} calls {@code checkCanceled()} and remembers the exception so that
 * {@link EngineCall} can rethrow KNIME's own {@link CanceledExecutionException}.
 */
public final class ExecutionProgress implements ProgressCallback {

    private final ExecutionMonitor m_exec;

    private CanceledExecutionException m_canceled;

    public ExecutionProgress(final ExecutionMonitor exec) {
        m_exec = exec;
    }

    @Override
    public void progress(final double fraction, final String message) {
        if (Double.isNaN(fraction)) {
            m_exec.setMessage(message);
        } else {
            m_exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
        }
    }

    @Override
    public boolean isCanceled() {
        if (m_canceled != null) {
            return true;
        }
        try {
            m_exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            m_canceled = e;
            return true;
        }
    }

    /** @return the exception seen by {@link #isCanceled()}, or null when not canceled */
    public CanceledExecutionException canceledException() {
        return m_canceled;
    }
}
