package org.deepfact.knime.scorer;

import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.EntryColumnSettings;

/** Settings of the Reconstruction Scorer: the columns of the optional observed-entries input. */
final class ReconstructionScorerSettings extends CheckedSettings {

    final EntryColumnSettings m_columns = add(new EntryColumnSettings());

    @Override
    protected ReconstructionScorerSettings newInstance() {
        return new ReconstructionScorerSettings();
    }
}
