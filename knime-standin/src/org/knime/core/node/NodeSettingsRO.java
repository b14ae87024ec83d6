package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's {@code NodeSettingsRO} interface.
 * <p>
 * Read-only view of node settings with nested settings access.
 */
public interface NodeSettingsRO extends ConfigRO {

    /**
     * @param key the key of the nested settings
     * @return the nested settings
     * @throws InvalidSettingsException if there are none for that key
     */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;

    /**
     * @param dest where to deep-copy these settings to
     */
    public void copyTo(final ConfigWO dest);
}
