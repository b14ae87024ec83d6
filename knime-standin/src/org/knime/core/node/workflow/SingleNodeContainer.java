package org.knime.core.node.workflow;

/**
 * Offline stand-in for KNIME's {@code SingleNodeContainer} class.
 * <p>
 * Only carries the nested {@link MemoryPolicy} enum needed to build an execution context; it cannot be instantiated.
 */
public abstract class SingleNodeContainer {

    private SingleNodeContainer() {
    }

    /** How tables created by a node are kept; the stand-in keeps every table in memory. */
    public enum MemoryPolicy {
        /** Hold all tables in memory. */
        CacheInMemory,
        /** Hold small tables in memory. */
        CacheSmallInMemory,
        /** Write tables to disc. */
        CacheOnDisc
    }
}
