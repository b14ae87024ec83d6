package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataColumnSpecCreator} class.
 * <p>
 * Mutable builder for {@link DataColumnSpec}; only name and type are kept.
 */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    /**
     * @param name column name, not null
     * @param type column type, not null
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /**
     * @param name the new name, not null
     */
    private void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name must not be null");
        }
        m_name = name;
    }

    /**
     * @param type the new type, not null
     */
    private void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type must not be null");
        }
        m_type = type;
    }

    /** @return a new immutable spec */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
