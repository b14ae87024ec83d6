package org.deepfact.knime.tensormask;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Tensor Mask. */
final class TensorMaskNodeDialog extends DefaultNodeSettingsPane {

    TensorMaskNodeDialog() {
        final TensorMaskSettings s = new TensorMaskSettings();
        addDialogComponent(new DialogComponentNumber(s.m_count, "Observed entries m", 100));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        addDialogComponent(new DialogComponentNumber(s.m_noise, "Noise standard deviation", 0.01));
    }
}
