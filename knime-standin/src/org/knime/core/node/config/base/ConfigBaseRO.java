package org.knime.core.node.config.base;

import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Offline stand-in for KNIME's {@code ConfigBaseRO} interface.
 * <p>
 * Read access to primitive, string and array entries. Getters without default throw
 * {@link InvalidSettingsException} if the key is missing or holds another type. A subset of KNIME's methods (no
 * char/byte/short/float, password, transient or optional accessors).
 */
public interface ConfigBaseRO extends Iterable<String> {

    /** @return the key of this config */
    public String getKey();

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    public int getInt(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public int getInt(final String key, final int def);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    public long getLong(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public long getLong(final String key, final long def);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    public double getDouble(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public double getDouble(final String key, final double def);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if missing or of another type
     */
    public boolean getBoolean(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public boolean getBoolean(final String key, final boolean def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public String getString(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public String getString(final String key, final String def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public int[] getIntArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public int[] getIntArray(final String key, final int... def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public long[] getLongArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public long[] getLongArray(final String key, final long... def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public double[] getDoubleArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public double[] getDoubleArray(final String key, final double... def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public boolean[] getBooleanArray(final String key, final boolean... def);

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if missing or of another type
     */
    public String[] getStringArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if the key is missing
     * @return the value or the default
     */
    public String[] getStringArray(final String key, final String... def);

    /** @return an unmodifiable view of the keys */
    public Set<String> keySet();

    /**
     * @param key the key
     * @return whether an entry exists for it
     */
    public boolean containsKey(final String key);

    @Override
    public Iterator<String> iterator();

    /**
     * @param dest where to deep-copy all entries of this config to
     */
    public void copyTo(final ConfigBaseWO dest);
}
