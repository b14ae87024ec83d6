package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Offline stand-in for KNIME's {@code IntCell} class.
 * <p>
 * Holds one int; readable as {@link IntValue}, {@link LongValue} and {@link DoubleValue} as in KNIME (the
 * fuzzy/complex value interfaces are omitted); a {@link BoundedValue}, so containers compute bounds.
 */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue, BoundedValue {

    private static final long serialVersionUID = 1L;

    /** The type of int cells. */
    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_int;

    /**
     * @param i the value
     */
    public IntCell(final int i) {
        m_int = i;
    }

    @Override
    public int getIntValue() {
        return m_int;
    }

    @Override
    public long getLongValue() {
        return m_int;
    }

    @Override
    public double getDoubleValue() {
        return m_int;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_int == m_int;
    }

    @Override
    public int hashCode() {
        return m_int;
    }

    @Override
    public String toString() {
        return Integer.toString(m_int);
    }
}
