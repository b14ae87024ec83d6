package org.deepfact.knime.common;

import java.io.File;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortType;

/**
 * A node model that keeps nothing between executions except its output (no internals to save,
 * nothing to reset). All DeepFact nodes whose outputs are tables or simple port objects are of this kind.
 */
public abstract class StatelessNodeModel extends NodeModel {

    protected StatelessNodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        super(nrInDataPorts, nrOutDataPorts);
    }

    protected StatelessNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output is kept
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output is kept
    }

    @Override
    protected void reset() {
        // nothing to reset
    }
}
