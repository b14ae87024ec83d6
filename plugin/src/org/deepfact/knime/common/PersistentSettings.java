package org.deepfact.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Settings that are saved, validated and loaded as one unit under flat keys: a node's whole
 * settings (what {@link StatelessNodeModel} delegates to) or a part of them (e.g.
 * {@link EntryColumnSettings}).
 */
public interface PersistentSettings {

    void saveTo(NodeSettingsWO settings);

    /** @throws InvalidSettingsException naming the key of the first absent or invalid value */
    void validate(NodeSettingsRO settings) throws InvalidSettingsException;

    /** @throws InvalidSettingsException when a value cannot be loaded */
    void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException;
}
