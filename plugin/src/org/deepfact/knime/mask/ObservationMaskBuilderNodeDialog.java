package org.deepfact.knime.mask;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Observation Mask Builder; parameters the chosen scheme does not use are disabled. */
final class ObservationMaskBuilderNodeDialog extends DefaultNodeSettingsPane {

    ObservationMaskBuilderNodeDialog() {
        final ObservationMaskBuilderSettings s = new ObservationMaskBuilderSettings();
        createNewGroup("Sampling");
        addDialogComponent(new DialogComponentStringSelection(s.m_scheme, "Scheme",
            ObservationMaskBuilderSettings.SCHEMES));
        addDialogComponent(new DialogComponentNumber(s.m_count, "Number of observed entries", 100));
        addDialogComponent(new DialogComponentNumber(s.m_fraction, "Observed fraction", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_probability, "Bernoulli probability", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_perRow, "Observed entries per row", 1));
        addDialogComponent(new DialogComponentNumber(s.m_exponent, "Power-law exponent", 0.1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        closeCurrentGroup();
        createNewGroup("Noise");
        addDialogComponent(new DialogComponentNumber(s.m_noise, "Noise standard deviation", 0.01));
        closeCurrentGroup();
        s.m_scheme.addChangeListener(e -> enable(s));
        enable(s);
    }

    private static void enable(final ObservationMaskBuilderSettings s) {
        final String scheme = s.m_scheme.getStringValue();
        s.m_count.setEnabled(ObservationMaskBuilderSettings.UNIFORM_COUNT.equals(scheme)
            || ObservationMaskBuilderSettings.POWER_LAW.equals(scheme));
        s.m_fraction.setEnabled(ObservationMaskBuilderSettings.UNIFORM_FRACTION.equals(scheme));
        s.m_probability.setEnabled(ObservationMaskBuilderSettings.BERNOULLI.equals(scheme));
        s.m_perRow.setEnabled(ObservationMaskBuilderSettings.FIXED_PER_ROW.equals(scheme));
        s.m_exponent.setEnabled(ObservationMaskBuilderSettings.POWER_LAW.equals(scheme));
    }
}
