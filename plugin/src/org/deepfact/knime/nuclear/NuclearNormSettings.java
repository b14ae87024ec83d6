package org.deepfact.knime.nuclear;

import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.deepfact.knime.completion.EntriesSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;

/**
 * Settings of Nuclear Norm Completion: flat, stable flow-variable keys; defaults are the
 * authors' (epsilon 1e-3) and the engine solver's (tolerance 1e-6, 20 000 iterations). The
 * solver is single-threaded, so there is no thread setting. {@value #KEY_PSD} (since 0.3.0,
 * default off) switches to the minimum-trace PSD problem.
 */
public final class NuclearNormSettings extends CheckedSettings {

    public static final String KEY_EPSILON = "epsilon";
    public static final String KEY_EQUALITY = "equality";
    public static final String KEY_TOLERANCE = "tolerance";
    public static final String KEY_MAX_ITERATIONS = "max_iterations";
    /** Since 0.3.0: minimise the trace over PSD matrices (Gunasekar et al. 2017); square input only. */
    public static final String KEY_PSD = "psd";
    /** The dialog's label of {@value #KEY_PSD}, named in its error messages. */
    public static final String LABEL_PSD = "Constrain to PSD (minimum trace)";

    public static final double DEFAULT_EPSILON = NuclearNormConfig.DEFAULT_EPSILON;
    public static final boolean DEFAULT_EQUALITY = false;
    public static final double DEFAULT_TOLERANCE = NuclearNormConfig.DEFAULT_TOLERANCE;
    public static final int DEFAULT_MAX_ITERATIONS = NuclearNormConfig.DEFAULT_MAX_ITERATIONS;
    public static final boolean DEFAULT_PSD = false;

    private final EntriesSettings m_entries = add(new EntriesSettings());
    private final SettingsModelDouble m_epsilon = add(KEY_EPSILON, createEpsilonModel());
    private final SettingsModelBoolean m_equality = add(KEY_EQUALITY, createEqualityModel());
    private final SettingsModelDouble m_tolerance = add(KEY_TOLERANCE, createToleranceModel());
    private final SettingsModelInteger m_maxIterations = add(KEY_MAX_ITERATIONS, createMaxIterationsModel());
    private final SettingsModelBoolean m_psd = addSince("0.3.0", KEY_PSD, createPsdModel());

    static SettingsModelDouble createEpsilonModel() {
        return new SettingsModelDouble(KEY_EPSILON, DEFAULT_EPSILON);
    }

    static SettingsModelBoolean createEqualityModel() {
        return new SettingsModelBoolean(KEY_EQUALITY, DEFAULT_EQUALITY);
    }

    static SettingsModelDouble createToleranceModel() {
        return new SettingsModelDouble(KEY_TOLERANCE, DEFAULT_TOLERANCE);
    }

    static SettingsModelInteger createMaxIterationsModel() {
        return new SettingsModelInteger(KEY_MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS);
    }

    static SettingsModelBoolean createPsdModel() {
        return new SettingsModelBoolean(KEY_PSD, DEFAULT_PSD);
    }

    public EntriesSettings entries() {
        return m_entries;
    }

    public double epsilon() {
        return m_epsilon.getDoubleValue();
    }

    public boolean equality() {
        return m_equality.getBooleanValue();
    }

    public double tolerance() {
        return m_tolerance.getDoubleValue();
    }

    public int maxIterations() {
        return m_maxIterations.getIntValue();
    }

    public boolean psd() {
        return m_psd.getBooleanValue();
    }

    public NuclearNormSettings psd(final boolean v) {
        m_psd.setBooleanValue(v);
        return this;
    }

    public NuclearNormSettings epsilon(final double v) {
        m_epsilon.setDoubleValue(v);
        return this;
    }

    public NuclearNormSettings equality(final boolean v) {
        m_equality.setBooleanValue(v);
        return this;
    }

    public NuclearNormSettings tolerance(final double v) {
        m_tolerance.setDoubleValue(v);
        return this;
    }

    public NuclearNormSettings maxIterations(final int v) {
        m_maxIterations.setIntValue(v);
        return this;
    }

    /** @return the solver configuration; equality constraints mean epsilon = 0 */
    public NuclearNormConfig toConfig() {
        return NuclearNormConfig.defaults().withEpsilon(equality() ? 0 : epsilon()).withTolerance(tolerance())
            .withMaxIterations(maxIterations()).withPsd(psd());
    }

    /** @throws InvalidSettingsException naming the key of the first invalid value */
    @Override
    public void check() throws InvalidSettingsException {
        SettingsGroup.requireNonNegative(KEY_EPSILON, epsilon());
        final double tol = tolerance();
        if (!(tol > 0 && tol < 1)) {
            throw new InvalidSettingsException("Setting '" + KEY_TOLERANCE + "' must be in (0, 1), got " + tol);
        }
        SettingsGroup.requireRange(KEY_MAX_ITERATIONS, maxIterations(), 1, Integer.MAX_VALUE);
    }

    @Override
    protected NuclearNormSettings newInstance() {
        return new NuclearNormSettings();
    }
}
