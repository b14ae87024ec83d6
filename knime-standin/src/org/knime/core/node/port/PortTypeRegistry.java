package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline stand-in for KNIME's {@code PortTypeRegistry} class.
 * <p>
 * KNIME reads port types from the {@code org.knime.core.PortType} extension point; offline there is no extension
 * registry, so the stand-in creates port types on demand. The spec class is the declared return type of the port
 * object class's {@code getSpec()} method.
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_mandatory = new ConcurrentHashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optional = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    /** @return the singleton */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    /**
     * @param objectClass the port object class
     * @return the (shared) mandatory port type for it
     */
    public PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    /**
     * @param objectClass the port object class
     * @param isOptional whether the port is optional
     * @return the (shared) port type
     */
    public PortType getPortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null");
        }
        final Map<Class<? extends PortObject>, PortType> map = isOptional ? m_optional : m_mandatory;
        return map.computeIfAbsent(objectClass, c -> new PortType(c, specClassOf(c), isOptional));
    }

    private static Class<? extends PortObjectSpec> specClassOf(final Class<? extends PortObject> objectClass) {
        try {
            final Method m = objectClass.getMethod("getSpec");
            final Class<?> r = m.getReturnType();
            if (PortObjectSpec.class.isAssignableFrom(r)) {
                return r.asSubclass(PortObjectSpec.class);
            }
        } catch (NoSuchMethodException e) {
            // fall through to the generic spec class
        }
        return PortObjectSpec.class;
    }
}
