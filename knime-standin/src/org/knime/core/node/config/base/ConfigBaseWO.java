package org.knime.core.node.config.base;

/**
 * Offline stand-in for KNIME's {@code ConfigBaseWO} interface.
 * <p>
 * Write access to primitive, string and array entries; adding an existing key replaces its value. Arrays are copied.
 * A subset of KNIME's methods.
 */
public interface ConfigBaseWO {

    /** @return the key of this config */
    public String getKey();

    /**
     * @param key the key of the new sub-config
     * @return the new, empty sub-config (replacing any entry with that key)
     */
    public ConfigBase addConfigBase(final String key);

    /**
     * @param key the key
     * @param value the value
     */
    public void addInt(final String key, final int value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addLong(final String key, final long value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addDouble(final String key, final double value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addBoolean(final String key, final boolean value);

    /**
     * @param key the key
     * @param value the value, may be null
     */
    public void addString(final String key, final String value);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addIntArray(final String key, final int... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addLongArray(final String key, final long... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addDoubleArray(final String key, final double... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addBooleanArray(final String key, final boolean... values);

    /**
     * @param key the key
     * @param values the values, may be null
     */
    public void addStringArray(final String key, final String... values);
}
