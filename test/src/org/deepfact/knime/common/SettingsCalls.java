package org.deepfact.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Calls a node model's protected settings methods as KNIME does, for node tests in other packages
 * (the methods are implemented once, in {@link StatelessNodeModel}, so only this package sees them).
 */
public final class SettingsCalls {

    private SettingsCalls() {
    }

    /** {@code NodeModel.saveSettingsTo} */
    public static void save(final StatelessNodeModel<?> model, final NodeSettingsWO settings) {
        model.saveSettingsTo(settings);
    }

    /** {@code NodeModel.validateSettings} */
    public static void validate(final StatelessNodeModel<?> model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    /** {@code NodeModel.loadValidatedSettingsFrom} */
    public static void load(final StatelessNodeModel<?> model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.loadValidatedSettingsFrom(settings);
    }
}
