package org.deepfact.knime.common;

/** Not enough Java heap for an allocation a node was about to make; the message says how much. */
public final class InsufficientMemoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(final String message) {
        super(message);
    }
}
