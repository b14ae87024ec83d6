package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's {@code ModelContentWO} interface.
 * <p>
 * Write-only view of model content (used by simple port objects to save themselves).
 */
public interface ModelContentWO extends ConfigWO {

    /**
     * @param key the key of the new nested content
     * @return the new, empty nested content
     */
    ModelContentWO addModelContent(String key);
}
