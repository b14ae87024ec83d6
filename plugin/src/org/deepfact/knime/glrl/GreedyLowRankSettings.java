package org.deepfact.knime.glrl;

import org.deepfact.engine.greedy.GreedyLowRank;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.deepfact.knime.completion.EntriesSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;

/**
 * Settings of the Greedy Low-Rank Learner. Keys that mean what the Deep Matrix Factorization
 * Learner's mean carry its names (learning_rate, loss_threshold, max_iterations, log_every, the
 * input columns); defaults are those of the command line's {@code reproduce glrl} (epsilon 1e-8,
 * plain gradient descent at lr 1, stop at loss 1e-6) and of its experiment's phase rule (a
 * plateau check every 10 records, 0.1 % per check), with the Learner's cap of 100 000 iterations.
 */
public final class GreedyLowRankSettings extends CheckedSettings {

    public static final String KEY_EPSILON = "epsilon";
    public static final String KEY_LEARNING_RATE = "learning_rate";
    public static final String KEY_MAX_RANK = "max_rank";
    public static final String KEY_LOSS_THRESHOLD = "loss_threshold";
    public static final String KEY_MAX_ITERATIONS = "max_iterations";
    public static final String KEY_CHECK_EVERY = "check_every";
    public static final String KEY_PLATEAU_TOLERANCE = "plateau_tolerance";
    public static final String KEY_LOG_EVERY = "log_every";

    public static final double DEFAULT_EPSILON = 1e-8;
    public static final double DEFAULT_LEARNING_RATE = 1;
    public static final int DEFAULT_MAX_RANK = 0;
    public static final double DEFAULT_LOSS_THRESHOLD = 1e-6;
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    public static final int DEFAULT_CHECK_EVERY = 500;
    public static final double DEFAULT_PLATEAU_TOLERANCE = 1e-3;
    public static final int DEFAULT_LOG_EVERY = 50;

    static final String LABEL_EPSILON = "Scale of each new direction (epsilon)";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_MAX_RANK = "Maximum rank (0 = min(rows, columns))";
    static final String LABEL_LOSS_THRESHOLD = "Stop at train loss";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations per phase";
    static final String LABEL_CHECK_EVERY = "Plateau check every (iterations)";
    static final String LABEL_PLATEAU_TOLERANCE = "Plateau tolerance (relative loss decrease)";
    static final String LABEL_LOG_EVERY = "Record history every";

    private final EntriesSettings m_entries = add(new EntriesSettings());
    private final SettingsModelDouble m_epsilon = add(KEY_EPSILON, createEpsilonModel());
    private final SettingsModelDouble m_learningRate = add(KEY_LEARNING_RATE, createLearningRateModel());
    private final SettingsModelInteger m_maxRank = add(KEY_MAX_RANK, createMaxRankModel());
    private final SettingsModelDouble m_lossThreshold = add(KEY_LOSS_THRESHOLD, createLossThresholdModel());
    private final SettingsModelInteger m_maxIterations = add(KEY_MAX_ITERATIONS, createMaxIterationsModel());
    private final SettingsModelInteger m_checkEvery = add(KEY_CHECK_EVERY, createCheckEveryModel());
    private final SettingsModelDouble m_plateauTolerance =
        add(KEY_PLATEAU_TOLERANCE, createPlateauToleranceModel());
    private final SettingsModelInteger m_logEvery = add(KEY_LOG_EVERY, createLogEveryModel());

    {
        label(KEY_EPSILON, LABEL_EPSILON);
        label(KEY_LEARNING_RATE, LABEL_LEARNING_RATE);
        label(KEY_MAX_RANK, LABEL_MAX_RANK);
        label(KEY_LOSS_THRESHOLD, LABEL_LOSS_THRESHOLD);
        label(KEY_MAX_ITERATIONS, LABEL_MAX_ITERATIONS);
        label(KEY_CHECK_EVERY, LABEL_CHECK_EVERY);
        label(KEY_PLATEAU_TOLERANCE, LABEL_PLATEAU_TOLERANCE);
        label(KEY_LOG_EVERY, LABEL_LOG_EVERY);
    }

    static SettingsModelDouble createEpsilonModel() {
        return new SettingsModelDouble(KEY_EPSILON, DEFAULT_EPSILON);
    }

    static SettingsModelDouble createLearningRateModel() {
        return new SettingsModelDouble(KEY_LEARNING_RATE, DEFAULT_LEARNING_RATE);
    }

    static SettingsModelInteger createMaxRankModel() {
        return new SettingsModelInteger(KEY_MAX_RANK, DEFAULT_MAX_RANK);
    }

    static SettingsModelDouble createLossThresholdModel() {
        return new SettingsModelDouble(KEY_LOSS_THRESHOLD, DEFAULT_LOSS_THRESHOLD);
    }

    static SettingsModelInteger createMaxIterationsModel() {
        return new SettingsModelInteger(KEY_MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS);
    }

    static SettingsModelInteger createCheckEveryModel() {
        return new SettingsModelInteger(KEY_CHECK_EVERY, DEFAULT_CHECK_EVERY);
    }

    static SettingsModelDouble createPlateauToleranceModel() {
        return new SettingsModelDouble(KEY_PLATEAU_TOLERANCE, DEFAULT_PLATEAU_TOLERANCE);
    }

    static SettingsModelInteger createLogEveryModel() {
        return new SettingsModelInteger(KEY_LOG_EVERY, DEFAULT_LOG_EVERY);
    }

    /** @return the key-column settings (shared with the other completion nodes) */
    public EntriesSettings entries() {
        return m_entries;
    }

    public double epsilon() {
        return m_epsilon.getDoubleValue();
    }

    public double learningRate() {
        return m_learningRate.getDoubleValue();
    }

    /** @return the rank cap, 0 = min(rows, columns) */
    public int maxRank() {
        return m_maxRank.getIntValue();
    }

    public double lossThreshold() {
        return m_lossThreshold.getDoubleValue();
    }

    public int maxIterations() {
        return m_maxIterations.getIntValue();
    }

    public int checkEvery() {
        return m_checkEvery.getIntValue();
    }

    public double plateauTolerance() {
        return m_plateauTolerance.getDoubleValue();
    }

    public int logEvery() {
        return m_logEvery.getIntValue();
    }

    // setters for tests and programmatic use

    public GreedyLowRankSettings epsilon(final double v) {
        m_epsilon.setDoubleValue(v);
        return this;
    }

    public GreedyLowRankSettings learningRate(final double v) {
        m_learningRate.setDoubleValue(v);
        return this;
    }

    public GreedyLowRankSettings maxRank(final int v) {
        m_maxRank.setIntValue(v);
        return this;
    }

    public GreedyLowRankSettings lossThreshold(final double v) {
        m_lossThreshold.setDoubleValue(v);
        return this;
    }

    public GreedyLowRankSettings maxIterations(final int v) {
        m_maxIterations.setIntValue(v);
        return this;
    }

    public GreedyLowRankSettings checkEvery(final int v) {
        m_checkEvery.setIntValue(v);
        return this;
    }

    public GreedyLowRankSettings plateauTolerance(final double v) {
        m_plateauTolerance.setDoubleValue(v);
        return this;
    }

    public GreedyLowRankSettings logEvery(final int v) {
        m_logEvery.setIntValue(v);
        return this;
    }

    /**
     * @param rows matrix rows
     * @param cols matrix columns
     * @return the engine's GLRL for a rows x cols matrix (max rank 0 = min(rows, cols))
     */
    public GreedyLowRank toGreedyLowRank(final int rows, final int cols) {
        int rank = maxRank() == 0 ? Math.max(1, Math.min(rows, cols)) : maxRank();
        return new GreedyLowRank(epsilon(), learningRate(), rank, lossThreshold(), checkEvery(), plateauTolerance(),
            maxIterations(), logEvery());
    }

    /** @throws InvalidSettingsException naming the key of the first invalid value */
    @Override
    public void check() throws InvalidSettingsException {
        SettingsGroup.requirePositive(KEY_EPSILON, epsilon());
        SettingsGroup.requirePositive(KEY_LEARNING_RATE, learningRate());
        SettingsGroup.requireRange(KEY_MAX_RANK, maxRank(), 0, Integer.MAX_VALUE);
        SettingsGroup.requireNonNegative(KEY_LOSS_THRESHOLD, lossThreshold());
        SettingsGroup.requireRange(KEY_LOG_EVERY, logEvery(), 1, Integer.MAX_VALUE);
        SettingsGroup.requireRange(KEY_CHECK_EVERY, checkEvery(), 1, Integer.MAX_VALUE);
        if (checkEvery() % logEvery() != 0) {
            throw withLabels(new InvalidSettingsException("Setting '" + KEY_CHECK_EVERY + "' must be a multiple of '"
                + LABEL_LOG_EVERY + "' (setting '" + KEY_LOG_EVERY + "') = " + logEvery() + ", got " + checkEvery()
                + ": a phase is checked at a recorded iteration"));
        }
        if (maxIterations() < checkEvery()) {
            throw withLabels(new InvalidSettingsException("Setting '" + KEY_MAX_ITERATIONS + "' must be >= '"
                + LABEL_CHECK_EVERY + "' (setting '" + KEY_CHECK_EVERY + "') = " + checkEvery() + ", got "
                + maxIterations()));
        }
        double t = plateauTolerance();
        if (!(t >= 0 && t < 1)) {
            throw withLabels(new InvalidSettingsException(
                "Setting '" + KEY_PLATEAU_TOLERANCE + "' must be in [0, 1), got " + t));
        }
    }

    @Override
    protected GreedyLowRankSettings newInstance() {
        return new GreedyLowRankSettings();
    }
}
