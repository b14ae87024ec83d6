package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataColumnSpec} class.
 * <p>
 * A column's name, type and domain (no properties, element names or handlers). Created with
 * {@link DataColumnSpecCreator}. As in KNIME, {@link #equals(Object)} compares the domains too;
 * {@link #equalStructure(DataColumnSpec)} only name and type.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    private final DataColumnDomain m_domain;

    /* package-private like KNIME's constructor: only the creator makes specs */
    DataColumnSpec(final String name, final DataType type, final DataColumnDomain domain) {
        if (name == null || type == null || domain == null) {
            throw new NullPointerException("Column name, type and domain must not be null");
        }
        m_name = name;
        m_type = type;
        m_domain = domain;
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /** @return the domain, never null (its parts may be absent) */
    public DataColumnDomain getDomain() {
        return m_domain;
    }

    /**
     * @param cspec another column spec
     * @return whether both have the same name and type (domains are not compared)
     */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec == this || cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpec && equalStructure((DataColumnSpec)obj)
            && m_domain.equals(((DataColumnSpec)obj).m_domain);
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
