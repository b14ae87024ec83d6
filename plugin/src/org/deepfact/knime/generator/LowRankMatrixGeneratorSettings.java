package org.deepfact.knime.generator;

import org.deepfact.engine.Choice;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the Low-Rank Matrix Generator: exactly the options of the engine's {@link GroundTruthSpec}. */
final class LowRankMatrixGeneratorSettings extends CheckedSettings {

    static final String ROWS = "rows";

    static final String COLS = "cols";

    static final String RANK = "rank";

    static final String SEED = "seed";

    static final String STRUCTURE = "structure";

    static final String PROFILE = "profile";

    static final String CONDITION_NUMBER = "condition_number";

    static final String STRUCTURE_GENERAL = GroundTruthSpec.Structure.GENERAL.id();

    static final String[] STRUCTURES = Choice.ids(GroundTruthSpec.Structure.class);

    /** The paper's profile: singular values of U V^T / sqrt(r) with Gaussian U, V. */
    static final String PROFILE_GAUSSIAN = "gaussian";

    /** sigma_i = kappa^(-(i-1)/(r-1)) with random orthonormal singular vectors. */
    static final String PROFILE_GEOMETRIC = "geometric";

    static final String[] PROFILES = {PROFILE_GAUSSIAN, PROFILE_GEOMETRIC};

    final SettingsModelIntegerBounded m_rows =
        add(ROWS, new SettingsModelIntegerBounded(ROWS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelIntegerBounded m_cols =
        add(COLS, new SettingsModelIntegerBounded(COLS, 100, 1, Integer.MAX_VALUE));

    final SettingsModelIntegerBounded m_rank =
        add(RANK, new SettingsModelIntegerBounded(RANK, 5, 1, Integer.MAX_VALUE));

    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));

    final SettingsModelString m_structure =
        add(STRUCTURE, new SettingsModelString(STRUCTURE, STRUCTURE_GENERAL));

    final SettingsModelString m_profile = add(PROFILE, new SettingsModelString(PROFILE, PROFILE_GAUSSIAN));

    final SettingsModelDoubleBounded m_condition =
        add(CONDITION_NUMBER, new SettingsModelDoubleBounded(CONDITION_NUMBER, 10.0, 1.0, Double.MAX_VALUE));

    /** Cross-setting checks, each naming the keys involved. */
    @Override
    public void check() throws InvalidSettingsException {
        structure(m_structure.getStringValue());
        SettingsGroup.requireChoice(PROFILE, m_profile.getStringValue(), PROFILES);
        final int rows = m_rows.getIntValue();
        final int cols = m_cols.getIntValue();
        if (m_rank.getIntValue() > Math.min(rows, cols)) {
            throw new InvalidSettingsException("Setting 'rank' (" + m_rank.getIntValue()
                + ") must not exceed min('rows', 'cols') = " + Math.min(rows, cols));
        }
        if (!STRUCTURE_GENERAL.equals(m_structure.getStringValue()) && rows != cols) {
            throw new InvalidSettingsException("Setting 'structure' = " + m_structure.getStringValue()
                + " needs a square matrix, but 'rows' = " + rows + " and 'cols' = " + cols);
        }
    }

    /** Loads, then writes a renamed structure's old id ("symmetric") as its new one. */
    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.loadFrom(settings);
        m_structure.setStringValue(structure(m_structure.getStringValue()).id());
    }

    /** Parses an id or an old alias of it (see {@link GroundTruthSpec.Structure#aliases()}). */
    private static GroundTruthSpec.Structure structure(final String value) throws InvalidSettingsException {
        try {
            return GroundTruthSpec.Structure.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Setting '" + STRUCTURE + "' must be one of "
                + java.util.Arrays.toString(STRUCTURES) + ", got '" + value + "'");
        }
    }

    /** @return the engine's description of what to generate */
    GroundTruthSpec toSpec() {
        final GroundTruthSpec.Structure structure = GroundTruthSpec.Structure.parse(m_structure.getStringValue());
        final double kappa =
            PROFILE_GEOMETRIC.equals(m_profile.getStringValue()) ? m_condition.getDoubleValue() : Double.NaN;
        return new GroundTruthSpec(m_rows.getIntValue(), m_cols.getIntValue(), m_rank.getIntValue(),
            m_seed.getLongValue(), structure, kappa);
    }

    @Override
    protected LowRankMatrixGeneratorSettings newInstance() {
        return new LowRankMatrixGeneratorSettings();
    }
}
