package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code IntValue} interface.
 * <p>
 * Any cell that can be read as an int.
 */
public interface IntValue extends DataValue {

    /** @return the value as an int */
    int getIntValue();
}
