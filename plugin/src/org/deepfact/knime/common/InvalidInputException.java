package org.deepfact.knime.common;

/**
 * An input table violates a DeepFact table contract at execution time (missing cell, NaN,
 * negative index, duplicate entry, ...). The message names the row key and column.
 */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(final String message) {
        super(message);
    }

    public InvalidInputException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
