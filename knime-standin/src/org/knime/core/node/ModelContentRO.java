package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Offline stand-in for KNIME's {@code ModelContentRO} interface.
 * <p>
 * Read-only view of model content (used by simple port objects to load themselves).
 */
public interface ModelContentRO extends ConfigRO {

    /**
     * @param key the key of the nested content
     * @return the nested content
     * @throws InvalidSettingsException if there is none for that key
     */
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
