package org.deepfact.knime.tensorlearner;

import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.tensor.CpConfig;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings of the Tensor Factorization Learner: the engine's {@link CpConfig} plus the shape. */
final class TensorLearnerSettings extends CheckedSettings {

    static final String MODE_SIZE = "mode_size";
    static final String COMPONENTS = "components";
    static final String INIT_STD = "init_std";
    static final String SEED = "seed";
    static final String OPTIMIZER = "optimizer";
    static final String LEARNING_RATE = "learning_rate";
    static final String MAX_ITERATIONS = "max_iterations";
    static final String LOSS_THRESHOLD = "loss_threshold";
    static final String LOG_EVERY = "log_every";
    static final String TOP_K = "top_k";
    static final String RANK_TOLERANCE = "rank_tolerance";
    static final String THREADS = "threads";

    static final String[] OPTIMIZERS = {"grouprmsprop", "adam", "gd"};

    final SettingsModelIntegerBounded m_modeSize =
        add(MODE_SIZE, new SettingsModelIntegerBounded(MODE_SIZE, 0, 0, Integer.MAX_VALUE));
    final SettingsModelIntegerBounded m_components =
        add(COMPONENTS, new SettingsModelIntegerBounded(COMPONENTS, 0, 0, Integer.MAX_VALUE));
    final SettingsModelDoubleBounded m_initStd =
        add(INIT_STD, new SettingsModelDoubleBounded(INIT_STD, 5e-3, Double.MIN_VALUE, Double.MAX_VALUE));
    final SettingsModelLong m_seed = add(SEED, new SettingsModelLong(SEED, 1L));
    final SettingsModelString m_optimizer = add(OPTIMIZER, new SettingsModelString(OPTIMIZER, OPTIMIZERS[0]));
    final SettingsModelDoubleBounded m_lr =
        add(LEARNING_RATE, new SettingsModelDoubleBounded(LEARNING_RATE, 1e-2, Double.MIN_VALUE, Double.MAX_VALUE));
    final SettingsModelLong m_maxIterations = add(MAX_ITERATIONS, new SettingsModelLong(MAX_ITERATIONS, 1_000_000L));
    final SettingsModelDoubleBounded m_lossThreshold =
        add(LOSS_THRESHOLD, new SettingsModelDoubleBounded(LOSS_THRESHOLD, 1e-8, 0, Double.MAX_VALUE));
    final SettingsModelIntegerBounded m_logEvery =
        add(LOG_EVERY, new SettingsModelIntegerBounded(LOG_EVERY, 25, 1, Integer.MAX_VALUE));
    final SettingsModelIntegerBounded m_topK = add(TOP_K, new SettingsModelIntegerBounded(TOP_K, 10, 0, 1000));
    final SettingsModelDoubleBounded m_rankTolerance =
        add(RANK_TOLERANCE, new SettingsModelDoubleBounded(RANK_TOLERANCE, 0.05, 0, Double.MAX_VALUE));
    final SettingsModelIntegerBounded m_threads = add(THREADS, new SettingsModelIntegerBounded(THREADS, 1, 1, 1024));

    @Override
    public void check() throws InvalidSettingsException {
        SettingsGroup.requireChoice(OPTIMIZER, m_optimizer.getStringValue(), OPTIMIZERS);
        SettingsGroup.requireRange(MAX_ITERATIONS, m_maxIterations.getLongValue(), 0, Long.MAX_VALUE);
        toConfig();
    }

    /** @return the engine configuration; R = 0 means the shape's maximal rank bound */
    CpConfig toConfig() throws InvalidSettingsException {
        try {
            return CpConfig.builder().components(m_components.getIntValue()).initStd(m_initStd.getDoubleValue())
                .seed(m_seed.getLongValue()).optimizer(OptimizerKind.parse(m_optimizer.getStringValue()))
                .learningRate(m_lr.getDoubleValue()).maxIterations(m_maxIterations.getLongValue())
                .lossThreshold(m_lossThreshold.getDoubleValue()).logEvery(m_logEvery.getIntValue())
                .topK(m_topK.getIntValue()).rankTolerance(m_rankTolerance.getDoubleValue())
                .threads(m_threads.getIntValue()).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected TensorLearnerSettings newInstance() {
        return new TensorLearnerSettings();
    }
}
