package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IDataRepository;
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
        return new BufferedDataContainer(spec, true);
    }

    /**
     * @param maxProg the fraction of this context's progress range the sub-context covers
     * @return a sub-context creating tables like this one
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(createSubProgressMonitor(maxProg), m_node, m_memoryPolicy, m_dataRepository);
    }
}
