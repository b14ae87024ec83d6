package org.deepfact.knime.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * The settings models of one node under their flat keys (the keys flow variables set). Saves,
 * validates and loads them together; every validation message names the offending key.
 */
public final class SettingsGroup {

    private final Map<String, SettingsModel> m_models = new LinkedHashMap<>();

    /**
     * @param key the model's config key (must equal the key the model was created with)
     * @param model the model
     * @return the model, for field initialisers
     */
    public <M extends SettingsModel> M add(final String key, final M model) {
        if (m_models.put(key, model) != null) {
            throw new IllegalArgumentException("Duplicate settings key '" + key + "'");
        }
        return model;
    }

    /** @return the keys in registration order */
    public Set<String> keys() {
        return Collections.unmodifiableSet(m_models.keySet());
    }

    public void saveTo(final NodeSettingsWO settings) {
        for (final SettingsModel m : m_models.values()) {
            m.saveSettingsTo(settings);
        }
    }

    /** @throws InvalidSettingsException "Setting 'key': ..." for the first absent or out-of-bounds value */
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final Map.Entry<String, SettingsModel> e : m_models.entrySet()) {
            try {
                e.getValue().validateSettings(settings);
            } catch (InvalidSettingsException ex) {
                throw new InvalidSettingsException("Setting '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
    }

    /** @throws InvalidSettingsException "Setting 'key': ..." when a value cannot be loaded */
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final Map.Entry<String, SettingsModel> e : m_models.entrySet()) {
            try {
                e.getValue().loadSettingsFrom(settings);
            } catch (InvalidSettingsException ex) {
                throw new InvalidSettingsException("Setting '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * @return {@code value} when it is one of {@code allowed}
     * @throws InvalidSettingsException naming the key and the allowed values otherwise
     */
    public static String requireChoice(final String key, final String value, final String... allowed)
        throws InvalidSettingsException {
        for (final String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new InvalidSettingsException("Setting '" + key + "' must be one of " + Arrays.toString(allowed)
            + ", got '" + value + "'");
    }
}
