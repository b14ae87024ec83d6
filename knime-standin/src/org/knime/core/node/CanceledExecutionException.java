package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code CanceledExecutionException} class.
 * <p>
 * Checked exception thrown when an execution is canceled.
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message. */
    public CanceledExecutionException() {
        super();
    }

    /**
     * @param s the message
     */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
