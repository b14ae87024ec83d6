package org.deepfact.knime.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * Settings models under their flat keys (the keys flow variables set) and nested settings parts,
 * saved, validated and loaded together in registration order; every model's validation message
 * names the offending key. A setting added after the first release is registered with
 * {@link #addSince}, so that settings saved before it (old workflows) load its default; {@link #label}
 * names a setting's dialog label for messages. Also holds the value checks the settings classes share, all with
 * messages of the form "Setting 'key' must ..., got value".
 */
public final class SettingsGroup implements PersistentSettings {

    private final List<PersistentSettings> m_members = new ArrayList<>();

    private final Set<String> m_keys = new LinkedHashSet<>();

    private final Map<String, String> m_labels = new LinkedHashMap<>();

    /**
     * @param key the model's config key (must equal the key the model was created with)
     * @param model the model
     * @return the model, for field initialisers
     */
    public <M extends SettingsModel> M add(final String key, final M model) {
        if (!m_keys.add(key)) {
            throw new IllegalArgumentException("Duplicate settings key '" + key + "'");
        }
        m_members.add(new Keyed(key, model, null, null));
        return model;
    }

    /**
     * Registers a setting added after the first release: settings saved before it (old workflows)
     * lack its key, and then validate and load it with the model's value at registration (its
     * default). Every setting added to an existing node must come this way, never with
     * {@link #add(String, SettingsModel)}.
     *
     * @param since the release that added the setting, e.g. "0.2.0" (for the reader)
     * @param key the model's config key
     * @param model the model, holding its default value
     * @return the model, for field initialisers
     */
    public <M extends SettingsModel> M addSince(final String since, final String key, final M model) {
        if (!m_keys.add(key)) {
            throw new IllegalArgumentException("Duplicate settings key '" + key + "'");
        }
        final NodeSettings defaults = new NodeSettings(key);
        model.saveSettingsTo(defaults);
        m_members.add(new Keyed(key, model, since, defaults));
        return model;
    }

    /** @return the part, saved, validated and loaded with this group (for field initialisers) */
    public <P extends PersistentSettings> P add(final P part) {
        m_members.add(part);
        return part;
    }

    /**
     * Names the dialog label of a setting, so that messages can name what the user sees.
     *
     * @param key a settings key
     * @param label the label of its dialog component, e.g. "Depth N"
     */
    public void label(final String key, final String label) {
        m_labels.put(key, label);
    }

    /**
     * @return {@code message} with every "Setting 'key'" of a labelled key written as
     *         "'Label' (setting 'key')", the form a KNIME user can find in the dialog
     */
    public String labelled(final String message) {
        String out = message;
        for (final Map.Entry<String, String> e : m_labels.entrySet()) {
            out = out.replace("Setting '" + e.getKey() + "'", "'" + e.getValue() + "' (setting '" + e.getKey() + "')");
        }
        return out;
    }

    /** @return the keys of the models (not of the parts) in registration order */
    public Set<String> keys() {
        return Collections.unmodifiableSet(m_keys);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        for (final PersistentSettings m : m_members) {
            m.saveTo(settings);
        }
    }

    /** @throws InvalidSettingsException "Setting 'key': ..." for the first absent or out-of-bounds value */
    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final PersistentSettings m : m_members) {
            m.validate(settings);
        }
    }

    /** @throws InvalidSettingsException "Setting 'key': ..." when a value cannot be loaded */
    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final PersistentSettings m : m_members) {
            m.loadFrom(settings);
        }
    }

    /** One model under its key; {@code defaults} (settings added later only) stand in for an absent key. */
    private record Keyed(String key, SettingsModel model, String since, NodeSettings defaults)
        implements PersistentSettings {

        private NodeSettingsRO orDefaults(final NodeSettingsRO settings) {
            return defaults != null && !settings.containsKey(key) ? defaults : settings;
        }

        @Override
        public void saveTo(final NodeSettingsWO settings) {
            model.saveSettingsTo(settings);
        }

        @Override
        public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
            try {
                model.validateSettings(orDefaults(settings));
            } catch (InvalidSettingsException ex) {
                throw new InvalidSettingsException("Setting '" + key + "': " + ex.getMessage(), ex);
            }
        }

        @Override
        public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            try {
                model.loadSettingsFrom(orDefaults(settings));
            } catch (InvalidSettingsException ex) {
                throw new InvalidSettingsException("Setting '" + key + "': " + ex.getMessage(), ex);
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

    /** @throws InvalidSettingsException "Setting 'key' must be in [min, max], got v" */
    public static void requireRange(final String key, final long v, final long min, final long max)
        throws InvalidSettingsException {
        if (v < min || v > max) {
            throw new InvalidSettingsException("Setting '" + key + "' must be in [" + min + ", " + max + "], got " + v);
        }
    }

    /** @throws InvalidSettingsException "Setting 'key' must be finite and &gt; 0, got v" */
    public static void requirePositive(final String key, final double v) throws InvalidSettingsException {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidSettingsException("Setting '" + key + "' must be finite and > 0, got " + v);
        }
    }

    /** @throws InvalidSettingsException "Setting 'key' must be finite and &gt;= 0, got v" */
    public static void requireNonNegative(final String key, final double v) throws InvalidSettingsException {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidSettingsException("Setting '" + key + "' must be finite and >= 0, got " + v);
        }
    }
}
