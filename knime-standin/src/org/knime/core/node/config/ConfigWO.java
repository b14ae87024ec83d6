package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Offline stand-in for KNIME's {@code ConfigWO} interface.
 * <p>
 * Write access to a config tree; the stand-in omits KNIME's data-cell/row-key/data-type adders.
 */
public interface ConfigWO extends ConfigBaseWO {

    /**
     * @param key the key of the new sub-config
     * @return the new, empty sub-config (replacing any entry with that key)
     */
    Config addConfig(String key);
}
