package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataColumnSpecCreator} class.
 * <p>
 * Mutable builder for {@link DataColumnSpec}: name, type and domain (empty unless set).
 */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain = new DataColumnDomainCreator().createDomain();

    /**
     * @param name column name, not null
     * @param type column type, not null
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /**
     * @param cspec the spec to start from (name, type and domain)
     */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        setDomain(cspec.getDomain());
    }

    /**
     * @param domain the new domain; null for an empty one
     */
    public void setDomain(final DataColumnDomain domain) {
        m_domain = domain == null ? new DataColumnDomainCreator().createDomain() : domain;
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
        return new DataColumnSpec(m_name, m_type, m_domain);
    }
}
