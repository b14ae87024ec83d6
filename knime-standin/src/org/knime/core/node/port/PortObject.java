package org.knime.core.node.port;

import javax.swing.JComponent;

/**
 * Offline stand-in for KNIME's {@code PortObject} interface.
 * <p>
 * The execute-time content of a port. KNIME's nested serializer types and TYPE constants are omitted.
 */
public interface PortObject {

    /** @return a short summary of the content */
    String getSummary();

    /** @return the spec of this object */
    PortObjectSpec getSpec();

    /** @return views on this object (possibly empty) */
    JComponent[] getViews();
}
