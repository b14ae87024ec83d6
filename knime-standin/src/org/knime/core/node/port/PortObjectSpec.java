package org.knime.core.node.port;

import javax.swing.JComponent;

/**
 * Offline stand-in for KNIME's {@code PortObjectSpec} interface.
 * <p>
 * The configure-time description of a port's content. KNIME's nested serializer types are not part of this interface
 * in the stand-in.
 */
public interface PortObjectSpec {

    /** @return views on this spec (possibly empty) */
    JComponent[] getViews();
}
