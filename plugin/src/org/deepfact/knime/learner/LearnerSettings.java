package org.deepfact.knime.learner;

import java.util.Locale;

import org.deepfact.engine.Choice;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.deepfact.knime.completion.EntriesSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Deep Matrix Factorization Learner. Every key is flat, typed and stable (flow
 * variables set them by name; never rename one). Defaults are the paper's (science.md), except
 * the iteration cap: 100 000 instead of the paper's 10^6, so that a misconfigured node finishes
 * in minutes rather than hours; the paper's figures converge well before it.
 */
public final class LearnerSettings extends CheckedSettings {

    public static final String KEY_DEPTH = "depth";
    public static final String KEY_WIDTH = "width";
    public static final String KEY_INIT = "init";
    public static final String KEY_INIT_SCALE = "init_scale";
    public static final String KEY_OPTIMIZER = "optimizer";
    public static final String KEY_LEARNING_RATE = "learning_rate";
    public static final String KEY_MAX_ITERATIONS = "max_iterations";
    public static final String KEY_LOSS_THRESHOLD = "loss_threshold";
    public static final String KEY_LOG_EVERY = "log_every";
    public static final String KEY_TOP_K = "top_k";
    public static final String KEY_THREADS = "threads";
    public static final String KEY_SEED = "seed";
    public static final String KEY_OUTPUT_FACTORS = "output_factors";
    /** Added in 0.2.0: what a diverging run does (fail the node, or report it in the summary). */
    public static final String KEY_ON_DIVERGENCE = "on_divergence";
    /** Added in 0.2.0: whether the singular values output is filled (long form). */
    public static final String KEY_LONG_SINGULAR_VALUES = "long_singular_values";
    /** Added in 0.3.0: a sign condition on det W(0) (Razin and Cohen 2020; square matrices only). */
    public static final String KEY_INIT_CONDITION = "init_condition";
    /** Added in 0.3.0: general W = W_N ... W_1 or symmetric W = P P^T (Gunasekar et al. 2017). */
    public static final String KEY_FACTORIZATION = "factorization";

    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_WIDTH = 0;
    public static final String DEFAULT_INIT = InitKind.GAUSSIAN.id();
    public static final double DEFAULT_INIT_SCALE = 1e-3;
    public static final String DEFAULT_OPTIMIZER = OptimizerKind.GROUP_RMSPROP.id();
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    public static final double DEFAULT_LOSS_THRESHOLD = 1e-6;
    public static final int DEFAULT_LOG_EVERY = 100;
    public static final int DEFAULT_TOP_K = 10;
    public static final int DEFAULT_THREADS = 1;
    public static final long DEFAULT_SEED = 0;
    public static final boolean DEFAULT_OUTPUT_FACTORS = true;
    public static final String DIVERGENCE_FAIL = "fail";
    public static final String DIVERGENCE_REPORT = "report";
    public static final String DEFAULT_ON_DIVERGENCE = DIVERGENCE_FAIL;
    public static final boolean DEFAULT_LONG_SINGULAR_VALUES = false;
    public static final String[] ON_DIVERGENCE_NAMES = {DIVERGENCE_FAIL, DIVERGENCE_REPORT};
    public static final String DEFAULT_INIT_CONDITION = InitCondition.NONE.id();
    public static final String DEFAULT_FACTORIZATION = Factorization.GENERAL.id();

    /** Names offered by the dialog and accepted from flow variables (case-insensitive): the engine's ids. */
    public static final String[] INIT_NAMES = Choice.ids(InitKind.class);
    public static final String[] OPTIMIZER_NAMES = Choice.ids(OptimizerKind.class);
    public static final String[] INIT_CONDITION_NAMES = Choice.ids(InitCondition.class);
    public static final String[] FACTORIZATION_NAMES = Choice.ids(Factorization.class);

    /** Dialog labels, named in messages (see {@link CheckedSettings#validate}). */
    static final String LABEL_DEPTH = "Depth N";
    static final String LABEL_WIDTH = "Hidden width (0 = columns)";
    static final String LABEL_INIT = "Initialisation";
    static final String LABEL_INIT_SCALE = "Initialisation scale";
    static final String LABEL_INIT_CONDITION = "Initialisation condition (square matrices)";
    static final String LABEL_FACTORIZATION = "Factorization";
    static final String LABEL_SEED = "Seed";
    static final String LABEL_OPTIMIZER = "Optimizer";
    static final String LABEL_LEARNING_RATE = "Learning rate";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations";
    static final String LABEL_LOSS_THRESHOLD = "Stop at train loss";
    static final String LABEL_THREADS = "Threads";
    static final String LABEL_ON_DIVERGENCE = "If training diverges";
    static final String LABEL_LOG_EVERY = "Record history every";
    static final String LABEL_TOP_K = "Singular values recorded (k)";
    static final String LABEL_OUTPUT_FACTORS = "Output the factors";
    static final String LABEL_LONG_SINGULAR_VALUES = "Singular values in long form (iteration, index, singular_value)";

    /** Upper bounds that keep a typo from allocating the machine away. */
    static final int MAX_DEPTH = 100;
    static final int MAX_TOP_K = 10_000;
    static final int MAX_THREADS = 1024;

    private final EntriesSettings m_entries = add(new EntriesSettings());
    private final SettingsModelInteger m_depth = add(KEY_DEPTH, createDepthModel());
    private final SettingsModelInteger m_width = add(KEY_WIDTH, createWidthModel());
    private final SettingsModelString m_init = add(KEY_INIT, createInitModel());
    private final SettingsModelDouble m_initScale = add(KEY_INIT_SCALE, createInitScaleModel());
    private final SettingsModelString m_optimizer = add(KEY_OPTIMIZER, createOptimizerModel());
    private final SettingsModelDouble m_learningRate = add(KEY_LEARNING_RATE, createLearningRateModel());
    private final SettingsModelInteger m_maxIterations = add(KEY_MAX_ITERATIONS, createMaxIterationsModel());
    private final SettingsModelDouble m_lossThreshold = add(KEY_LOSS_THRESHOLD, createLossThresholdModel());
    private final SettingsModelInteger m_logEvery = add(KEY_LOG_EVERY, createLogEveryModel());
    private final SettingsModelInteger m_topK = add(KEY_TOP_K, createTopKModel());
    private final SettingsModelInteger m_threads = add(KEY_THREADS, createThreadsModel());
    private final SettingsModelLong m_seed = add(KEY_SEED, createSeedModel());
    private final SettingsModelBoolean m_outputFactors = add(KEY_OUTPUT_FACTORS, createOutputFactorsModel());
    private final SettingsModelString m_onDivergence =
        addSince("0.2.0", KEY_ON_DIVERGENCE, createOnDivergenceModel());
    private final SettingsModelBoolean m_longSingularValues =
        addSince("0.2.0", KEY_LONG_SINGULAR_VALUES, createLongSingularValuesModel());
    private final SettingsModelString m_initCondition =
        addSince("0.3.0", KEY_INIT_CONDITION, createInitConditionModel());
    private final SettingsModelString m_factorization =
        addSince("0.3.0", KEY_FACTORIZATION, createFactorizationModel());

    {
        label(KEY_DEPTH, LABEL_DEPTH);
        label(KEY_WIDTH, LABEL_WIDTH);
        label(KEY_INIT, LABEL_INIT);
        label(KEY_INIT_SCALE, LABEL_INIT_SCALE);
        label(KEY_SEED, LABEL_SEED);
        label(KEY_OPTIMIZER, LABEL_OPTIMIZER);
        label(KEY_LEARNING_RATE, LABEL_LEARNING_RATE);
        label(KEY_MAX_ITERATIONS, LABEL_MAX_ITERATIONS);
        label(KEY_LOSS_THRESHOLD, LABEL_LOSS_THRESHOLD);
        label(KEY_THREADS, LABEL_THREADS);
        label(KEY_ON_DIVERGENCE, LABEL_ON_DIVERGENCE);
        label(KEY_LOG_EVERY, LABEL_LOG_EVERY);
        label(KEY_TOP_K, LABEL_TOP_K);
        label(KEY_OUTPUT_FACTORS, LABEL_OUTPUT_FACTORS);
        label(KEY_LONG_SINGULAR_VALUES, LABEL_LONG_SINGULAR_VALUES);
        label(KEY_INIT_CONDITION, LABEL_INIT_CONDITION);
        label(KEY_FACTORIZATION, LABEL_FACTORIZATION);
    }

    static SettingsModelInteger createDepthModel() {
        return new SettingsModelInteger(KEY_DEPTH, DEFAULT_DEPTH);
    }

    static SettingsModelInteger createWidthModel() {
        return new SettingsModelInteger(KEY_WIDTH, DEFAULT_WIDTH);
    }

    static SettingsModelString createInitModel() {
        return new SettingsModelString(KEY_INIT, DEFAULT_INIT);
    }

    static SettingsModelDouble createInitScaleModel() {
        return new SettingsModelDouble(KEY_INIT_SCALE, DEFAULT_INIT_SCALE);
    }

    static SettingsModelString createOptimizerModel() {
        return new SettingsModelString(KEY_OPTIMIZER, DEFAULT_OPTIMIZER);
    }

    static SettingsModelDouble createLearningRateModel() {
        return new SettingsModelDouble(KEY_LEARNING_RATE, DEFAULT_LEARNING_RATE);
    }

    static SettingsModelInteger createMaxIterationsModel() {
        return new SettingsModelInteger(KEY_MAX_ITERATIONS, DEFAULT_MAX_ITERATIONS);
    }

    static SettingsModelDouble createLossThresholdModel() {
        return new SettingsModelDouble(KEY_LOSS_THRESHOLD, DEFAULT_LOSS_THRESHOLD);
    }

    static SettingsModelInteger createLogEveryModel() {
        return new SettingsModelInteger(KEY_LOG_EVERY, DEFAULT_LOG_EVERY);
    }

    static SettingsModelInteger createTopKModel() {
        return new SettingsModelInteger(KEY_TOP_K, DEFAULT_TOP_K);
    }

    static SettingsModelInteger createThreadsModel() {
        return new SettingsModelInteger(KEY_THREADS, DEFAULT_THREADS);
    }

    static SettingsModelLong createSeedModel() {
        return new SettingsModelLong(KEY_SEED, DEFAULT_SEED);
    }

    static SettingsModelBoolean createOutputFactorsModel() {
        return new SettingsModelBoolean(KEY_OUTPUT_FACTORS, DEFAULT_OUTPUT_FACTORS);
    }

    static SettingsModelString createOnDivergenceModel() {
        return new SettingsModelString(KEY_ON_DIVERGENCE, DEFAULT_ON_DIVERGENCE);
    }

    static SettingsModelBoolean createLongSingularValuesModel() {
        return new SettingsModelBoolean(KEY_LONG_SINGULAR_VALUES, DEFAULT_LONG_SINGULAR_VALUES);
    }

    static SettingsModelString createInitConditionModel() {
        return new SettingsModelString(KEY_INIT_CONDITION, DEFAULT_INIT_CONDITION);
    }

    static SettingsModelString createFactorizationModel() {
        return new SettingsModelString(KEY_FACTORIZATION, DEFAULT_FACTORIZATION);
    }

    /** @return the key-column settings (shared with Nuclear Norm Completion) */
    public EntriesSettings entries() {
        return m_entries;
    }

    public int depth() {
        return m_depth.getIntValue();
    }

    /** @return hidden width, 0 = number of matrix columns (the paper's default) */
    public int width() {
        return m_width.getIntValue();
    }

    public InitKind init() {
        return InitKind.parse(m_init.getStringValue().trim());
    }

    public double initScale() {
        return m_initScale.getDoubleValue();
    }

    /** @return the condition det W(0) must meet (none by default and for settings saved before 0.3.0) */
    public InitCondition initCondition() {
        return InitCondition.parse(m_initCondition.getStringValue().trim());
    }

    /** @return general (default, and for settings saved before 0.3.0) or symmetric W = P P^T */
    public Factorization factorization() {
        return Factorization.parse(m_factorization.getStringValue().trim());
    }

    /** @return true for the symmetric factorization W = P P^T */
    boolean symmetric() {
        return factorization() == Factorization.SYMMETRIC;
    }

    public OptimizerKind optimizer() {
        return OptimizerKind.parse(m_optimizer.getStringValue().trim());
    }

    public double learningRate() {
        return m_learningRate.getDoubleValue();
    }

    public int maxIterations() {
        return m_maxIterations.getIntValue();
    }

    public double lossThreshold() {
        return m_lossThreshold.getDoubleValue();
    }

    public int logEvery() {
        return m_logEvery.getIntValue();
    }

    public int topK() {
        return m_topK.getIntValue();
    }

    public int threads() {
        return m_threads.getIntValue();
    }

    public long seed() {
        return m_seed.getLongValue();
    }

    public boolean outputFactors() {
        return m_outputFactors.getBooleanValue();
    }

    /** @return true when a diverging run is reported in the summary instead of failing the node */
    public boolean reportDivergence() {
        return DIVERGENCE_REPORT.equals(canonical(m_onDivergence.getStringValue()));
    }

    /** @return true when the singular values output lists sigma_1..sigma_k of every history row */
    public boolean longSingularValues() {
        return m_longSingularValues.getBooleanValue();
    }

    // setters for tests and programmatic use

    public LearnerSettings longSingularValues(final boolean v) {
        m_longSingularValues.setBooleanValue(v);
        return this;
    }

    public LearnerSettings onDivergence(final String v) {
        m_onDivergence.setStringValue(v);
        return this;
    }

    public LearnerSettings depth(final int v) {
        m_depth.setIntValue(v);
        return this;
    }

    public LearnerSettings width(final int v) {
        m_width.setIntValue(v);
        return this;
    }

    public LearnerSettings init(final String v) {
        m_init.setStringValue(v);
        return this;
    }

    public LearnerSettings initCondition(final String v) {
        m_initCondition.setStringValue(v);
        return this;
    }

    public LearnerSettings factorization(final String v) {
        m_factorization.setStringValue(v);
        return this;
    }

    public LearnerSettings initScale(final double v) {
        m_initScale.setDoubleValue(v);
        return this;
    }

    public LearnerSettings optimizer(final String v) {
        m_optimizer.setStringValue(v);
        return this;
    }

    public LearnerSettings learningRate(final double v) {
        m_learningRate.setDoubleValue(v);
        return this;
    }

    public LearnerSettings maxIterations(final int v) {
        m_maxIterations.setIntValue(v);
        return this;
    }

    public LearnerSettings lossThreshold(final double v) {
        m_lossThreshold.setDoubleValue(v);
        return this;
    }

    public LearnerSettings logEvery(final int v) {
        m_logEvery.setIntValue(v);
        return this;
    }

    public LearnerSettings topK(final int v) {
        m_topK.setIntValue(v);
        return this;
    }

    public LearnerSettings threads(final int v) {
        m_threads.setIntValue(v);
        return this;
    }

    public LearnerSettings seed(final long v) {
        m_seed.setLongValue(v);
        return this;
    }

    public LearnerSettings outputFactors(final boolean v) {
        m_outputFactors.setBooleanValue(v);
        return this;
    }

    /**
     * The engine configuration for a matrix with {@code cols} columns. Metrics the node does not
     * output (gradient alignment) are switched off; everything else is the engine's default.
     */
    public TrainingConfig toTrainingConfig() {
        TrainingConfig.Builder b = TrainingConfig.builder().depth(depth()).init(init()).initScale(initScale())
            .optimizer(optimizer()).learningRate(learningRate()).maxIterations(maxIterations())
            .lossThreshold(lossThreshold()).logEvery(logEvery()).topK(topK()).threads(threads()).seed(seed())
            .initCondition(initCondition()).factorization(factorization()).alignment(false);
        // symmetric: the hidden widths are P's, N/2 - 1 of them
        int factors = symmetric() ? depth() / 2 : depth();
        if (width() > 0 && factors > 1) {
            int[] widths = new int[factors - 1];
            java.util.Arrays.fill(widths, width());
            b.hiddenWidths(widths);
        }
        return b.build();
    }

    /** @throws InvalidSettingsException naming the key of the first invalid value */
    @Override
    public void check() throws InvalidSettingsException {
        SettingsGroup.requireRange(KEY_DEPTH, depth(), 1, MAX_DEPTH);
        if (width() < 0) {
            throw new InvalidSettingsException(
                "Setting '" + KEY_WIDTH + "' must be >= 0 (0 = number of matrix columns), got " + width());
        }
        SettingsGroup.requireChoice(KEY_INIT, canonical(m_init.getStringValue()), INIT_NAMES);
        SettingsGroup.requireChoice(KEY_INIT_CONDITION, canonical(m_initCondition.getStringValue()),
            INIT_CONDITION_NAMES);
        SettingsGroup.requirePositive(KEY_INIT_SCALE, initScale());
        SettingsGroup.requireChoice(KEY_OPTIMIZER, canonical(m_optimizer.getStringValue()), OPTIMIZER_NAMES);
        SettingsGroup.requirePositive(KEY_LEARNING_RATE, learningRate());
        SettingsGroup.requireRange(KEY_MAX_ITERATIONS, maxIterations(), 0, Integer.MAX_VALUE);
        SettingsGroup.requireNonNegative(KEY_LOSS_THRESHOLD, lossThreshold());
        SettingsGroup.requireRange(KEY_LOG_EVERY, logEvery(), 1, Integer.MAX_VALUE);
        SettingsGroup.requireRange(KEY_TOP_K, topK(), 0, MAX_TOP_K);
        SettingsGroup.requireRange(KEY_THREADS, threads(), 1, MAX_THREADS);
        SettingsGroup.requireChoice(KEY_ON_DIVERGENCE, canonical(m_onDivergence.getStringValue()),
            ON_DIVERGENCE_NAMES);
        SettingsGroup.requireChoice(KEY_FACTORIZATION, canonical(m_factorization.getStringValue()),
            FACTORIZATION_NAMES);
        checkSymmetric();
    }

    /** Symmetric W = P P^T: an even depth (P holds N/2 factors) and no determinant condition (det P P^T >= 0). */
    void checkSymmetric() throws InvalidSettingsException {
        if (!symmetric()) {
            return;
        }
        String setting = "'" + LABEL_FACTORIZATION + "' (setting '" + KEY_FACTORIZATION + "') = "
            + Factorization.SYMMETRIC.id();
        if (depth() % 2 != 0) {
            throw new InvalidSettingsException(setting + " (W = P P^T, P of N/2 factors) needs an even '" + LABEL_DEPTH
                + "' (setting '" + KEY_DEPTH + "'), got " + depth() + "; use " + (depth() + 1)
                + (depth() > 1 ? " or " + (depth() - 1) : ""));
        }
        if (initCondition() != InitCondition.NONE) {
            throw new InvalidSettingsException(setting + " cannot meet '" + LABEL_INIT_CONDITION + "' (setting '"
                + KEY_INIT_CONDITION + "') = " + initCondition().id() + ": det(P P^T) >= 0 always; set it to '"
                + InitCondition.NONE.id() + "'");
        }
    }

    /**
     * Refuses a non-square problem for the symmetric factorization, before any training.
     *
     * @throws InvalidSettingsException naming the setting and the shape
     */
    void checkSquare(final int rows, final int cols) throws InvalidSettingsException {
        if (symmetric() && rows != cols) {
            throw new InvalidSettingsException("'" + LABEL_FACTORIZATION + "' (setting '" + KEY_FACTORIZATION
                + "') = " + Factorization.SYMMETRIC.id() + " (W = P P^T) needs a square matrix, got " + rows + " x "
                + cols + "; set it to '" + Factorization.GENERAL.id() + "'");
        }
    }

    /**
     * Refuses a determinant condition the problem cannot meet, before any training: W(0) must be
     * square and every hidden width at least its size (else det W(0) = 0).
     *
     * @param dims d_0 (columns) .. d_N (rows) of the factorization
     * @throws InvalidSettingsException naming the setting and the shape
     */
    void checkInitCondition(final int[] dims) throws InvalidSettingsException {
        InitCondition c = initCondition();
        if (c == InitCondition.NONE) {
            return;
        }
        int n = dims[dims.length - 1];
        String setting = "'" + LABEL_INIT_CONDITION + "' (setting '" + KEY_INIT_CONDITION + "') = " + c.id();
        if (dims[0] != n) {
            throw new InvalidSettingsException(setting + " needs a square matrix (det W(0) exists only then), got "
                + n + " x " + dims[0] + "; set it to '" + InitCondition.NONE.id() + "'");
        }
        for (int j = 1; j < dims.length - 1; j++) {
            if (dims[j] < n) {
                throw new InvalidSettingsException(setting + " needs every hidden width >= " + n
                    + " (else det W(0) = 0), got width " + dims[j] + " ('" + LABEL_WIDTH + "', setting '"
                    + KEY_WIDTH + "')");
            }
        }
    }

    /** @return the name trimmed and in lower case, as flow variables may spell it otherwise */
    private static String canonical(final String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    protected LearnerSettings newInstance() {
        return new LearnerSettings();
    }
}
