package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * Offline stand-in for KNIME's {@code DefaultRow} class.
 * <p>
 * A row key plus a copied array of non-null cells.
 */
public class DefaultRow implements DataRow {

    private final RowKey m_rowKey;

    private final DataCell[] m_row;

    /**
     * @param rowKey the key, not null
     * @param row the cells, none null (copied)
     */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row key must not be null");
        }
        if (row == null) {
            throw new NullPointerException("Cell array must not be null");
        }
        m_row = row.clone();
        for (int i = 0; i < m_row.length; i++) {
            if (m_row[i] == null) {
                throw new NullPointerException("Cell at index " + i + " is null");
            }
        }
        m_rowKey = rowKey;
    }

    /**
     * @param rowId the key string, not null
     * @param row the cells, none null (copied)
     */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey the key, not null
     * @param row the cells, none null (copied)
     */
    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    /**
     * @param rowId the key string, not null
     * @param row the cells, none null (copied)
     */
    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row.toArray(new DataCell[0]));
    }

    @Override
    public final int getNumCells() {
        return m_row.length;
    }

    @Override
    public final RowKey getKey() {
        return m_rowKey;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_row[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_row)).iterator();
    }

    @Override
    public String toString() {
        return m_rowKey + ": " + Arrays.toString(m_row);
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataRow)) {
            return false;
        }
        final DataRow o = (DataRow)obj;
        if (!o.getKey().equals(m_rowKey) || o.getNumCells() != m_row.length) {
            return false;
        }
        for (int i = 0; i < m_row.length; i++) {
            if (!o.getCell(i).equals(m_row[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return m_rowKey.hashCode();
    }
}
