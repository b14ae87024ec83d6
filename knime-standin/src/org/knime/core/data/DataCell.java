package org.knime.core.data;

import java.io.Serializable;

/**
 * Offline stand-in for KNIME's {@code DataCell} class.
 * <p>
 * Immutable cell base class. Equality: two missing cells are equal; otherwise cells are equal only if they are of
 * the same class and {@link #equalsDataCell(DataCell)} says so. The stand-in has no serializers or blob handling.
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the type of this cell, derived from its class */
    public final DataType getType() {
        return DataType.getType(getClass());
    }

    /** @return whether this is the missing cell */
    public boolean isMissing() {
        return this instanceof MissingValue;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        final DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return getClass().equals(other.getClass()) && equalsDataCell(other);
    }

    /**
     * Cell-specific equality; the argument is non-null, not missing and of this cell's class.
     *
     * @param dc the other cell
     * @return whether both hold the same value
     */
    protected abstract boolean equalsDataCell(final DataCell dc);

    /**
     * Content equality for cells of different classes with the same preferred value; false here.
     *
     * @param otherValue the other value
     * @return false in the stand-in
     */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();
}
