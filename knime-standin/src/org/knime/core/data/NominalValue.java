package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code NominalValue} interface.
 * <p>
 * Marks values from a (small) set, so that containers collect the possible values of their columns. KNIME's
 * {@code UTILITY} field is omitted.
 */
public interface NominalValue extends DataValue {
}
