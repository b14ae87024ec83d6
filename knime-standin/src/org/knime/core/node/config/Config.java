package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Offline stand-in for KNIME's {@code Config} class.
 * <p>
 * A {@link ConfigBase} whose sub-configs are {@code Config}s of the same class (made by {@link #getInstance(String)}).
 * KNIME's data-cell, data-type and row-key entries and the XML and stream persistence are not modelled.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    /**
     * @param key the key of this config, not null
     */
    protected Config(final String key) {
        super(key);
    }

    /**
     * @param key the key of the new config
     * @return a new, empty config of this class
     */
    @Override
    public abstract Config getInstance(final String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    /**
     * Adds the given config itself (not a copy) under its own key.
     *
     * @param config a config of this class
     * @throws IllegalArgumentException if it is of another class
     */
    protected final void addConfig(final Config config) {
        addConfigBase(config);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        final ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config)c;
    }
}
