package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/**
 * Offline stand-in for KNIME's {@code DoubleCell} class.
 * <p>
 * Holds one double; readable through {@link DoubleValue}. KNIME's cell also implements the fuzzy/complex/bounded
 * value interfaces, which the stand-in omits; it is a {@link BoundedValue}, so containers compute bounds.
 */
public final class DoubleCell extends DataCell implements DoubleValue, BoundedValue {

    private static final long serialVersionUID = 1L;

    /** The type of double cells. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    /**
     * @param d the value
     */
    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        final double o = ((DoubleCell)dc).m_double;
        return Double.doubleToLongBits(o) == Double.doubleToLongBits(m_double);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
