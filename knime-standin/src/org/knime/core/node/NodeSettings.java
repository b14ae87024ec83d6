package org.knime.core.node;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's {@code NodeSettings} class.
 * <p>
 * In-memory settings tree (see {@link org.knime.core.node.config.base.ConfigBase}); nested settings are
 * {@code NodeSettings} too. No XML persistence.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    /**
     * @param key the key of these settings
     */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)super.addConfig(key);
    }

    /** Adds the given settings themselves (not a copy) under their own key, as KNIME does. */
    @Override
    public void addNodeSettings(final NodeSettings settings) {
        super.addConfig(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        final Config c = super.getConfig(key);
        if (!(c instanceof NodeSettings)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not a settings object");
        }
        return (NodeSettings)c;
    }
}
