package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Offline stand-in for KNIME's {@code ConfigRO} interface.
 * <p>
 * Read access to a config tree. KNIME's interface also extends {@code javax.swing.tree.TreeNode} and offers
 * data-cell/row-key/data-type accessors; the stand-in omits those.
 */
public interface ConfigRO extends ConfigBaseRO {

    /**
     * @param key the key of a sub-config
     * @return the sub-config
     * @throws InvalidSettingsException if there is no sub-config for the key
     */
    public Config getConfig(String key) throws InvalidSettingsException;

    @Override
    public Iterator<String> iterator();
}
