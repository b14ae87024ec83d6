package org.knime.core.node.port;

/**
 * Offline stand-in for KNIME's {@code PortType} class.
 * <p>
 * Identifies a port by its port object class, spec class and optional flag. Instances come from
 * {@link PortTypeRegistry}; equality considers the object class and the optional flag.
 */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final boolean m_optional;

    PortType(final Class<? extends PortObject> objectClass, final Class<? extends PortObjectSpec> specClass,
        final boolean optional) {
        m_objectClass = objectClass;
        m_specClass = specClass;
        m_optional = optional;
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return the port object spec class */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    /** @return whether the port is optional */
    public boolean isOptional() {
        return m_optional;
    }

    /** @return a readable name (the simple name of the port object class) */
    public String getName() {
        return m_objectClass.getSimpleName();
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof PortType)) {
            return false;
        }
        final PortType o = (PortType)obj;
        return o.m_objectClass.equals(m_objectClass) && o.m_optional == m_optional;
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }
}
