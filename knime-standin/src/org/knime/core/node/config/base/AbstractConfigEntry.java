package org.knime.core.node.config.base;

/**
 * Offline stand-in for KNIME's {@code AbstractConfigEntry} class.
 * <p>
 * An entry of a config tree; here only its key. KNIME's entries also carry a type, a parent and tree-node
 * behaviour. Only {@link ConfigBase} extends it (the constructor is package-private, as KNIME has none public).
 */
public abstract class AbstractConfigEntry {

    private final String m_key;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new NullPointerException("Key must not be null");
        }
        m_key = key;
    }

    /** @return the key of this entry */
    public final String getKey() {
        return m_key;
    }
}
