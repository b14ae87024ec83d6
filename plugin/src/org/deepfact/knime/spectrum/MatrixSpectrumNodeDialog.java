package org.deepfact.knime.spectrum;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of Matrix Spectrum. */
final class MatrixSpectrumNodeDialog extends DefaultNodeSettingsPane {

    MatrixSpectrumNodeDialog() {
        final MatrixSpectrumSettings s = new MatrixSpectrumSettings();
        addDialogComponent(new DialogComponentNumber(s.m_schattenP, "Schatten p (2/N for depth N)", 0.1));
        addDialogComponent(new DialogComponentNumber(s.m_rankTolerance,
            "Rank tolerance (relative to sigma_1, 0 = automatic)", 1e-6));
        addDialogComponent(new DialogComponentNumber(s.m_maxValues, "Singular values to list (0 = all)", 1));
    }
}
