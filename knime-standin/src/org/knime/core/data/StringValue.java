package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code StringValue} interface.
 * <p>
 * Any cell that can be read as a string.
 */
public interface StringValue extends DataValue {

    /** @return the value as a string */
    String getStringValue();
}
