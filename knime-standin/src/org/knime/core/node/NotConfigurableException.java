package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code NotConfigurableException} class.
 * <p>
 * Checked exception thrown when a dialog cannot be opened for the given input specs.
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the message
     */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /**
     * @param message the message
     * @param cause the cause
     */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
