package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.NominalValue;
import org.knime.core.data.StringValue;

/**
 * Offline stand-in for KNIME's {@code StringCell} class.
 * <p>
 * Holds one non-null string; readable as {@link StringValue}; a {@link NominalValue}, so containers collect possible values.
 */
public final class StringCell extends DataCell implements StringValue, NominalValue {

    private static final long serialVersionUID = 1L;

    /** The type of string cells. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /**
     * @param str the value, not null
     */
    public StringCell(final String str) {
        if (str == null) {
            throw new NullPointerException("String must not be null");
        }
        m_string = str;
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }

    @Override
    public String toString() {
        return m_string;
    }
}
