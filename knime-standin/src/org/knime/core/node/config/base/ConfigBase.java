package org.knime.core.node.config.base;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Offline stand-in for KNIME's {@code ConfigBase} class.
 * <p>
 * An in-memory, insertion-ordered map from keys to typed entries and sub-configs. Getters are type-strict like KNIME:
 * a missing key or an entry of another type raises {@link InvalidSettingsException}, and the defaulting getters
 * return the default then. Arrays are copied in and out (KNIME stores them as sub-configs; here they are plain
 * entries). No XML or stream persistence.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    /**
     * @param key the key of this config, not null
     */
    public ConfigBase(final String key) {
        super(key);
    }

    /**
     * @param key the key of the new config
     * @return a new, empty config of this class
     */
    public abstract ConfigBase getInstance(final String key);

    // ---------------------------------------------------------------- helpers

    private static final Object NULL = new Object();

    private void put(final String key, final Object value) {
        if (key == null) {
            throw new NullPointerException("Key must not be null");
        }
        m_entries.put(key, value == null ? NULL : value);
    }

    private <T> T get(final String key, final Class<T> type) throws InvalidSettingsException {
        if (!m_entries.containsKey(key)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found in \"" + getKey() + "\"");
        }
        final Object v = m_entries.get(key);
        if (v == NULL) {
            if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class) {
                throw new InvalidSettingsException("Entry \"" + key + "\" is null");
            }
            return null;
        }
        if (!type.isInstance(v)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not of type " + type.getSimpleName());
        }
        return type.cast(v);
    }

    private <T> T getOr(final String key, final Class<T> type, final T def) {
        if (!m_entries.containsKey(key)) {
            return def;
        }
        try {
            return get(key, type);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---------------------------------------------------------------- sub-configs

    @Override
    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        put(key, config);
        return config;
    }

    /**
     * Adds the given config itself (not a copy) under its own key.
     *
     * @param config a config of this class
     * @throws IllegalArgumentException if it is of another class
     */
    protected final void addConfigBase(final ConfigBase config) {
        if (getClass() != config.getClass()) {
            throw new IllegalArgumentException("This " + getClass() + " is not equal to " + config.getClass());
        }
        put(config.getKey(), config);
    }

    /**
     * @param key the key of a sub-config
     * @return the sub-config
     * @throws InvalidSettingsException if there is no sub-config for the key
     */
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        final Object o = m_entries.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("ConfigBase for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    // ---------------------------------------------------------------- primitives

    @Override
    public void addInt(final String key, final int value) {
        put(key, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return get(key, Integer.class);
    }

    @Override
    public int getInt(final String key, final int def) {
        return getOr(key, Integer.class, def);
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return get(key, Long.class);
    }

    @Override
    public long getLong(final String key, final long def) {
        return getOr(key, Long.class, def);
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return get(key, Double.class);
    }

    @Override
    public double getDouble(final String key, final double def) {
        return getOr(key, Double.class, def);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, value);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return get(key, Boolean.class);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        return getOr(key, Boolean.class, def);
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return get(key, String.class);
    }

    @Override
    public String getString(final String key, final String def) {
        return getOr(key, String.class, def);
    }

    // ---------------------------------------------------------------- arrays

    @Override
    public void addIntArray(final String key, final int... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        final int[] v = get(key, int[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        final int[] v = getOr(key, int[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        final long[] v = get(key, long[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        final long[] v = getOr(key, long[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        final double[] v = get(key, double[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        final double[] v = getOr(key, double[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        final boolean[] v = get(key, boolean[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        final boolean[] v = getOr(key, boolean[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        final String[] v = get(key, String[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        final String[] v = getOr(key, String[].class, def);
        return v == null ? null : v.clone();
    }

    // ---------------------------------------------------------------- keys

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_entries.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return key != null && m_entries.containsKey(key);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    /**
     * Deep-copies all entries of this config into the destination.
     *
     * @param dest the config to write to
     */
    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            final String k = e.getKey();
            final Object v = e.getValue() == NULL ? null : e.getValue();
            if (v instanceof ConfigBase) {
                ((ConfigBase)v).copyTo(dest.addConfigBase(k));
            } else if (v instanceof Integer) {
                dest.addInt(k, (Integer)v);
            } else if (v instanceof Long) {
                dest.addLong(k, (Long)v);
            } else if (v instanceof Double) {
                dest.addDouble(k, (Double)v);
            } else if (v instanceof Boolean) {
                dest.addBoolean(k, (Boolean)v);
            } else if (v instanceof int[]) {
                dest.addIntArray(k, (int[])v);
            } else if (v instanceof long[]) {
                dest.addLongArray(k, (long[])v);
            } else if (v instanceof double[]) {
                dest.addDoubleArray(k, (double[])v);
            } else if (v instanceof boolean[]) {
                dest.addBooleanArray(k, (boolean[])v);
            } else if (v instanceof String[]) {
                dest.addStringArray(k, (String[])v);
            } else {
                dest.addString(k, (String)v);
            }
        }
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(getKey()).append("={");
        String sep = "";
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            final Object v = e.getValue() == NULL ? null : e.getValue();
            final String text = v instanceof Object[] ? java.util.Arrays.deepToString((Object[])v)
                : v instanceof int[] ? java.util.Arrays.toString((int[])v)
                : v instanceof long[] ? java.util.Arrays.toString((long[])v)
                : v instanceof double[] ? java.util.Arrays.toString((double[])v)
                : v instanceof boolean[] ? java.util.Arrays.toString((boolean[])v)
                : String.valueOf(v);
            b.append(sep).append(e.getKey()).append('=').append(text);
            sep = ", ";
        }
        return b.append('}').toString();
    }
}
