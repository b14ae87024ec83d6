package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code DataTable} interface.
 * <p>
 * A spec plus rows that can be iterated repeatedly in the same order.
 */
public interface DataTable extends Iterable<DataRow> {

    /** @return the table spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
