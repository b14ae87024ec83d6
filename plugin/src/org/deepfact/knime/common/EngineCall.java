package org.deepfact.knime.common;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Runs engine work from a node and translates the engine's unchecked exceptions into KNIME's:
 * {@link OperationCanceledException} becomes {@link CanceledExecutionException},
 * {@link IllegalArgumentException} (the engine's "these settings / this input cannot work")
 * becomes {@link InvalidSettingsException} with the engine's message, prefixed by what was being done.
 */
public final class EngineCall {

    /** Engine work that reports to a callback. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressCallback progress);
    }

    /** Engine work that needs no callback (validation, quick computations). */
    @FunctionalInterface
    public interface Quick<T> {
        T run();
    }

    private EngineCall() {
    }

    /**
     * @param exec the node's monitor, adapted with {@link ExecutionProgress}
     * @param what what is being done, e.g. "Sampling observations" (prefix of error messages)
     * @param work the engine call
     * @return what the engine returned
     * @throws CanceledExecutionException when the user canceled
     * @throws InvalidSettingsException when the engine rejected its arguments
     */
    public static <T> T run(final ExecutionMonitor exec, final String what, final Work<T> work)
        throws CanceledExecutionException, InvalidSettingsException {
        final ExecutionProgress progress = new ExecutionProgress(exec);
        try {
            return work.run(progress);
        } catch (OperationCanceledException e) {
            final CanceledExecutionException seen = progress.canceledException();
            final CanceledExecutionException out =
                seen != null ? seen : new CanceledExecutionException(e.getMessage());
            if (seen == null) {
                out.initCause(e);
            }
            throw out;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * For configure-time checks and quick engine calls.
     *
     * @throws InvalidSettingsException carrying the engine's message when it throws IllegalArgumentException
     */
    public static <T> T quick(final String what, final Quick<T> work) throws InvalidSettingsException {
        try {
            return work.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage(), e);
        }
    }
}
