package org.deepfact.knime.sensing;

import java.util.Locale;

import org.deepfact.engine.Choice;
import org.deepfact.knime.port.SensingKind;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of Matrix Sensing Measurements. */
final class MatrixSensingSettings extends CheckedSettings {

    static final String MEASUREMENTS = "measurements";

    static final String SEED = "seed";

    /** Added in 0.3.0: how the A_i are drawn ({@link SensingKind}; before, always gaussian). */
    static final String OPERATOR = "operator";

    static final String LABEL_OPERATOR = "Sensing matrices";

    static final String[] OPERATOR_NAMES = Choice.ids(SensingKind.class);

    final SettingsModelIntegerBounded m_measurements = add(MEASUREMENTS,
        new SettingsModelIntegerBounded(MEASUREMENTS, 2000, 1, SensingProblemPortObject.MAX_MEASUREMENTS));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    final SettingsModelString m_operator = addSince("0.3.0", OPERATOR, createOperatorModel());

    {
        label(OPERATOR, LABEL_OPERATOR);
    }

    static SettingsModelString createOperatorModel() {
        return new SettingsModelString(OPERATOR, SensingKind.GAUSSIAN.id());
    }

    /** @return the operator kind (gaussian for settings saved before 0.3.0) */
    SensingKind kind() {
        return SensingKind.parse(m_operator.getStringValue());
    }

    @Override
    public void check() throws InvalidSettingsException {
        super.check();
        SettingsGroup.requireChoice(OPERATOR, m_operator.getStringValue().trim().toLowerCase(Locale.ROOT),
            OPERATOR_NAMES);
    }

    @Override
    protected MatrixSensingSettings newInstance() {
        return new MatrixSensingSettings();
    }
}
