package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code BoundedValue} interface.
 * <p>
 * Marks values with an order, so that containers compute lower and upper bounds of their columns.
 */
public interface BoundedValue extends DataValue {
}
