package org.knime.core.node;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IDataRepository;
import org.knime.core.data.RowIterator;
import org.knime.core.node.workflow.SingleNodeContainer.MemoryPolicy;

/**
 * Offline stand-in for KNIME's {@code ExecutionContext} class.
 * <p>
 * An {@link ExecutionMonitor} that also creates in-memory {@link BufferedDataTable}s. The memory policy and data
 * repository are accepted but ignored (everything stays in memory).
 */
public class ExecutionContext extends ExecutionMonitor {

    private final Node m_node;

    private final MemoryPolicy m_memoryPolicy;

    private final IDataRepository m_dataRepository;

    /**
     * @param progMon the progress monitor to report to
     * @param node the owning node, not null
     * @param policy the memory policy (ignored by the stand-in)
     * @param dataRepository the data repository, not null (ignored by the stand-in)
     */
    public ExecutionContext(final NodeProgressMonitor progMon, final Node node, final MemoryPolicy policy,
        final IDataRepository dataRepository) {
        super(progMon);
        if (node == null || dataRepository == null) {
            throw new IllegalArgumentException("Node and data repository must not be null");
        }
        m_node = node;
        m_memoryPolicy = policy;
        m_dataRepository = dataRepository;
    }

    /**
     * @param spec the spec of the table to create
     * @return a new open container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    /**
     * @param spec the spec of the table to create
     * @param initDomain ignored by the stand-in
     * @return a new open container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec, initDomain);
    }

    /**
     * Copies a table into a new buffered table (returns the argument if it already is one).
     *
     * @param table the table to copy
     * @param subProgressMon monitor for cancel checks and messages
     * @return the buffered table
     * @throws CanceledExecutionException if canceled while copying
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        final BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        try {
            for (RowIterator it = table.iterator(); it.hasNext();) {
                subProgressMon.checkCanceled();
                final DataRow row = it.next();
                c.addRowToTable(row);
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /**
     * @param maxProg the fraction of this context's progress range the sub-context covers
     * @return a sub-context creating tables like this one
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg), m_node, m_memoryPolicy, m_dataRepository);
    }

    /**
     * @param maxProg the fraction of this context's progress range the sub-context covers
     * @return a sub-context that ignores messages
     */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSilentSubProgressMonitor(maxProg), m_node, m_memoryPolicy,
            m_dataRepository);
    }
}
