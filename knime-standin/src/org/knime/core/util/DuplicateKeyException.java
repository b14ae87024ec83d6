package org.knime.core.util;

/**
 * Offline stand-in for KNIME's {@code DuplicateKeyException} class.
 * <p>
 * Unchecked; thrown by the stand-in's data containers as soon as a row key repeats.
 */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String m_key;

    /**
     * @param key the duplicate key
     */
    public DuplicateKeyException(final String key) {
        this("Duplicate key detected: \"" + key + "\"", key);
    }

    /**
     * @param message the message
     * @param key the duplicate key
     */
    public DuplicateKeyException(final String message, final String key) {
        super(message);
        m_key = key;
    }

    /** @return the duplicate key */
    public String getKey() {
        return m_key;
    }
}
