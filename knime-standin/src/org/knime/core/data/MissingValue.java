package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code MissingValue} interface.
 * <p>
 * Marks the missing cell; the stand-in omits KNIME's error-message accessor.
 */
public interface MissingValue extends DataValue {
}
