package org.knime.core.data.filestore.internal;

import org.knime.core.data.IDataRepository;

/**
 * Offline stand-in for KNIME's {@code NotInWorkflowDataRepository} class.
 * <p>
 * A data repository for execution outside a workflow (e.g. tests); the stand-in holds nothing.
 */
public final class NotInWorkflowDataRepository implements IDataRepository {

    private NotInWorkflowDataRepository() {
    }

    /** @return a new, empty repository */
    public static NotInWorkflowDataRepository newInstance() {
        return new NotInWorkflowDataRepository();
    }
}
