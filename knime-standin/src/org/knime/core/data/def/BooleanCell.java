package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/**
 * Offline stand-in for KNIME's {@code BooleanCell}: the two singleton cells {@link #TRUE} and
 * {@link #FALSE}, readable as boolean, and as 1/0 through the numeric value interfaces.
 * Bounded and nominal as in KNIME; KNIME's fuzzy and complex value interfaces are not modelled.
 */
public final class BooleanCell extends DataCell
    implements BooleanValue, IntValue, LongValue, DoubleValue, BoundedValue, NominalValue {

    private static final long serialVersionUID = 1L;

    /** TRUE instance. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** FALSE instance. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /** The type of boolean cells. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_boolean;

    private BooleanCell(final boolean b) {
        m_boolean = b;
    }

    @Override
    public boolean getBooleanValue() {
        return m_boolean;
    }

    @Override
    public int getIntValue() {
        return m_boolean ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_boolean == m_boolean;
    }

    @Override
    public int hashCode() {
        return getIntValue();
    }

    @Override
    public String toString() {
        return Boolean.toString(m_boolean);
    }

    /** Offline stand-in for KNIME's {@code BooleanCell.BooleanCellFactory}: creates the singleton cells. */
    public static final class BooleanCellFactory {

        /** The data type for the cells created by this factory. */
        public static final DataType TYPE = BooleanCell.TYPE;

        private BooleanCellFactory() {
        }

        /**
         * @param b a boolean
         * @return {@link BooleanCell#TRUE} or {@link BooleanCell#FALSE}
         */
        public static DataCell create(final boolean b) {
            return b ? TRUE : FALSE;
        }
    }
}
