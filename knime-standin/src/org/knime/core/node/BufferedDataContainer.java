package org.knime.core.node;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.container.DataContainer;

/**
 * Offline stand-in for KNIME's {@code BufferedDataContainer} class.
 * <p>
 * A {@link DataContainer} whose table is a {@link BufferedDataTable}; obtained from
 * {@link ExecutionContext#createDataContainer(DataTableSpec)}. Same in-memory rules as {@link DataContainer}.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_result;

    /* package-private like KNIME's constructor */
    BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    /**
     * @return the finished table
     * @throws IllegalStateException if the container is not closed yet
     */
    @Override
    public BufferedDataTable getTable() {
        if (m_result == null) {
            final DataTable table = super.getTable();
            long rows = 0;
            for (RowIterator it = table.iterator(); it.hasNext(); it.next()) {
                rows++;
            }
            m_result = new BufferedDataTable(table, rows);
        }
        return m_result;
    }
}
