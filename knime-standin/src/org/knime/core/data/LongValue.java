package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code LongValue} interface.
 * <p>
 * Any cell that can be read as a long (long and int cells do).
 */
public interface LongValue extends DataValue {

    /** @return the value as a long */
    long getLongValue();
}
