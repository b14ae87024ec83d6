package org.knime.core.data.container;

/**
 * Offline stand-in for KNIME's {@code DataContainerException} class.
 * <p>
 * Unchecked; how a container reports a problem with the rows added to it, possibly only when it is closed.
 */
public class DataContainerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param msg the message
     */
    public DataContainerException(final String msg) {
        super(msg);
    }

    /**
     * @param msg the message
     * @param cause the cause
     */
    public DataContainerException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
