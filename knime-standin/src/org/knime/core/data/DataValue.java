package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataValue} interface.
 * <p>
 * Marker interface implemented by all cells; the stand-in omits KNIME's utility factory.
 */
public interface DataValue {
}
