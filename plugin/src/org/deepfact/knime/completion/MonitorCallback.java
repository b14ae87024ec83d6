package org.deepfact.knime.completion;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Adapts a KNIME {@link ExecutionMonitor} to the engine's {@link ProgressCallback}: progress and
 * message go to the monitor, {@link #isCanceled()} asks the monitor (the engine polls it every
 * iteration, so a cancel takes effect within one iteration).
 */
public final class MonitorCallback implements ProgressCallback {

    private final ExecutionMonitor m_exec;

    public MonitorCallback(final ExecutionMonitor exec) {
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
        try {
            m_exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** Engine work that may be canceled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressCallback callback);
    }

    /**
     * Runs engine work with this adapter and maps the engine's cancellation to KNIME's.
     *
     * @throws CanceledExecutionException when the user canceled
     */
    public static <T> T run(final ExecutionMonitor exec, final Work<T> work) throws CanceledExecutionException {
        try {
            return work.run(new MonitorCallback(exec));
        } catch (OperationCanceledException e) {
            CanceledExecutionException c = new CanceledExecutionException(e.getMessage());
            c.initCause(e);
            throw c;
        }
    }
}
