package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Offline stand-in for KNIME's {@code NodeProgressMonitor} interface.
 * <p>
 * Progress, message and cancel flag of a running node. The stand-in omits KNIME's progress-listener methods.
 */
public interface NodeProgressMonitor {

    /**
     * @throws CanceledExecutionException if cancellation was requested
     */
    void checkCanceled() throws CanceledExecutionException;

    /**
     * @param progress value in [0, 1]; other values are ignored
     */
    void setProgress(final double progress);

    /** @return the progress or null if none was set */
    Double getProgress();

    /**
     * @param progress value in [0, 1]
     * @param message the message
     */
    void setProgress(final double progress, final String message);

    /**
     * @param progress value in [0, 1]
     * @param messageSupplier lazily evaluated message, not null
     */
    default void setProgress(final double progress, final Supplier<String> messageSupplier) {
        setProgress(progress, messageSupplier.get());
    }

    /**
     * @param message the message
     */
    void setMessage(final String message);

    /**
     * @param messageSupplier lazily evaluated message, not null
     */
    default void setMessage(final Supplier<String> messageSupplier) {
        setMessage(messageSupplier.get());
    }

    /**
     * @param message the message
     */
    void setProgress(final String message);

    /** @return the current message */
    String getMessage();

    /** Requests cancellation. */
    void setExecuteCanceled();

    /** Clears progress, message and the cancel flag. */
    void reset();
}
