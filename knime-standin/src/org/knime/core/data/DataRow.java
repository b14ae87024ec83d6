package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataRow} interface.
 * <p>
 * A keyed, fixed-length sequence of cells; iterating yields the cells in column order.
 */
public interface DataRow extends Iterable<DataCell> {

    /** @return the number of cells */
    int getNumCells();

    /** @return the row key */
    RowKey getKey();

    /**
     * @param index the column index
     * @return the cell at that index
     */
    DataCell getCell(final int index);
}
