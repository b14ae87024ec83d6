package org.deepfact.knime.common;

import java.io.File;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * A node model that keeps nothing between executions except its output (no internals to save,
 * nothing to reset) and whose settings are one {@link PersistentSettings} object, to which saving,
 * validating and loading settings delegate. All DeepFact nodes are of this kind.
 *
 * @param <S> the node's settings
 */
public abstract class StatelessNodeModel<S extends PersistentSettings> extends NodeModel {

    /**
     * Prefix of the flow variables DeepFact nodes push after execution: {@code deepfact_} + the name of the output
     * column they repeat (e.g. {@code deepfact_train_loss}), the same name for the same quantity in every node.
     */
    public static final String FLOW_VARIABLE_PREFIX = "deepfact_";

    private final S m_settings;

    protected StatelessNodeModel(final int nrInDataPorts, final int nrOutDataPorts,
        final S settings) {
        super(nrInDataPorts, nrOutDataPorts);
        m_settings = settings;
    }

    protected StatelessNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes,
        final S settings) {
        super(inPortTypes, outPortTypes);
        m_settings = settings;
    }

    /** @return the node's live settings (for the node itself, tests and programmatic use) */
    public final S settings() {
        return m_settings;
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.saveTo(settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.loadFrom(settings);
    }

    @Override
    protected final void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output is kept
    }

    @Override
    protected final void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing beyond the output is kept
    }

    @Override
    protected final void reset() {
        // nothing to reset
    }
}
