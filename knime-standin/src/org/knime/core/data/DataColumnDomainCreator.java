package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Offline stand-in for KNIME's {@code DataColumnDomainCreator} class.
 * <p>
 * Mutable builder for {@link DataColumnDomain}; every part starts absent (null).
 */
public class DataColumnDomainCreator {

    private DataCell m_lowerBound;

    private DataCell m_upperBound;

    private Set<DataCell> m_values;

    /** Creates a creator for an empty domain. */
    public DataColumnDomainCreator() {
    }

    /**
     * @param copyFrom the domain whose bounds and values to start from
     */
    public DataColumnDomainCreator(final DataColumnDomain copyFrom) {
        setValues(copyFrom.getValues());
        setLowerBound(copyFrom.getLowerBound());
        setUpperBound(copyFrom.getUpperBound());
    }

    /**
     * @param values the possible values (copied, order kept), or null for unknown
     */
    public void setValues(final Set<? extends DataCell> values) {
        m_values = values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<DataCell>(values));
    }

    /**
     * @param lower the smallest value, or null for unknown
     */
    public void setLowerBound(final DataCell lower) {
        m_lowerBound = lower;
    }

    /**
     * @param upper the largest value, or null for unknown
     */
    public void setUpperBound(final DataCell upper) {
        m_upperBound = upper;
    }

    /** @return a new immutable domain */
    public DataColumnDomain createDomain() {
        return new DataColumnDomain(m_lowerBound, m_upperBound, m_values);
    }
}
