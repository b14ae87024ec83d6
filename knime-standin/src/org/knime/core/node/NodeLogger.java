package org.knime.core.node;

import java.util.logging.Logger;

/**
 * Offline stand-in for KNIME's {@code NodeLogger} class.
 * <p>
 * Only the factory method and {@link #info(Object)} are mirrored; wraps a {@code java.util.logging} logger of
 * the same name.
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    /**
     * @param c the class to log for
     * @return a logger named after the class
     */
    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    /**
     * @param o the message, logged at INFO
     */
    public void info(final Object o) {
        m_logger.info(String.valueOf(o));
    }
}
