package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's {@code NodeSettingsWO} interface.
 * <p>
 * Write-only view of node settings with nested settings.
 */
public interface NodeSettingsWO extends ConfigWO {

    /**
     * @param key the key of the new nested settings
     * @return the new, empty nested settings
     */
    NodeSettingsWO addNodeSettings(String key);

    /**
     * @param settings settings to add under their own key (the stand-in adds a deep copy)
     */
    void addNodeSettings(NodeSettings settings);
}
