package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DoubleValue} interface.
 * <p>
 * Any cell that can be read as a double (double, int and long cells do).
 */
public interface DoubleValue extends DataValue {

    /** @return the value as a double */
    double getDoubleValue();
}
