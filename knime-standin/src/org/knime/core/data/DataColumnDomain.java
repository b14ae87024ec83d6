package org.knime.core.data;

import java.util.Objects;
import java.util.Set;

/**
 * Offline stand-in for KNIME's {@code DataColumnDomain} class.
 * <p>
 * What is known about a column's values: a lower and an upper bound and the set of possible values, each possibly
 * absent (null). Created with {@link DataColumnDomainCreator}; two domains are equal if they have the same bounds and
 * the same possible values (in any order). KNIME's load/save are omitted.
 */
public final class DataColumnDomain {

    private final DataCell m_lowerBound;

    private final DataCell m_upperBound;

    private final Set<DataCell> m_values;

    /* package-private like KNIME's constructor: only the creator makes domains */
    DataColumnDomain(final DataCell lower, final DataCell upper, final Set<DataCell> values) {
        m_lowerBound = lower;
        m_upperBound = upper;
        m_values = values;
    }

    /** @return the possible values (unmodifiable, in the order they were found), or null if unknown */
    public Set<DataCell> getValues() {
        return m_values;
    }

    /** @return the smallest value, or null if unknown */
    public DataCell getLowerBound() {
        return m_lowerBound;
    }

    /** @return the largest value, or null if unknown */
    public DataCell getUpperBound() {
        return m_upperBound;
    }

    /** @return whether the possible values are known */
    public boolean hasValues() {
        return m_values != null;
    }

    /** @return whether the lower bound is known */
    public boolean hasLowerBound() {
        return m_lowerBound != null;
    }

    /** @return whether the upper bound is known */
    public boolean hasUpperBound() {
        return m_upperBound != null;
    }

    /** @return whether both bounds are known */
    public boolean hasBounds() {
        return hasLowerBound() && hasUpperBound();
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof DataColumnDomain)) {
            return false;
        }
        final DataColumnDomain o = (DataColumnDomain)obj;
        return Objects.equals(m_lowerBound, o.m_lowerBound) && Objects.equals(m_upperBound, o.m_upperBound)
            && Objects.equals(m_values, o.m_values);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        if (hasLowerBound()) {
            hash ^= m_lowerBound.hashCode();
        }
        if (hasUpperBound()) {
            hash ^= m_upperBound.hashCode();
        }
        if (hasValues()) {
            for (DataCell cell : m_values) {
                hash ^= cell.hashCode();
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        return "lower=" + m_lowerBound + ",upper=" + m_upperBound + ",values=" + m_values;
    }
}
