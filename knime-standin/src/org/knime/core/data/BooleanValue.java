package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code BooleanValue} interface.
 * <p>
 * Any cell that can be read as a boolean.
 */
public interface BooleanValue extends DataValue {

    /** @return the value as a boolean */
    boolean getBooleanValue();
}
