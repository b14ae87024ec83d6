package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataColumnSpec} class.
 * <p>
 * A column's name and type; no domain, properties or element names. Created with {@link DataColumnSpecCreator}.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    /* package-private like KNIME's constructor: only the creator makes specs */
    DataColumnSpec(final String name, final DataType type) {
        if (name == null || type == null) {
            throw new NullPointerException("Column name and type must not be null");
        }
        m_name = name;
        m_type = type;
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataColumnSpec)) {
            return false;
        }
        final DataColumnSpec o = (DataColumnSpec)obj;
        return o.m_name.equals(m_name) && o.m_type.equals(m_type);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return "\"" + m_name + "\" (" + m_type + ")";
    }
}
