package org.deepfact.knime.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.Choice;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.knime.common.CheckedSettings;
import org.deepfact.knime.common.SettingsGroup;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Recovery Sweep: exactly the {@link SweepGrid} that {@code ./deepfact reproduce
 * completion|sensing} runs, with the lists as comma-separated texts (flow variables set them as
 * strings). Defaults: the CLI's {@code --quick} grid (100 x 100, rank 5, m = 2000, depths 1, 2, 3
 * and the nuclear-norm baseline, s in {1e-3, 1e-4}, lr = 1e-3, one repeat, cap 100 000, seed 1).
 */
public final class SweepSettings extends CheckedSettings {

    static final String KEY_PROBLEM = "problem";
    static final String KEY_ROWS = "rows";
    static final String KEY_COLS = "cols";
    static final String KEY_RANK = "rank";
    static final String KEY_MS = "observations";
    static final String KEY_DEPTHS = "depths";
    static final String KEY_SCALES = "init_scales";
    static final String KEY_LRS = "learning_rates";
    static final String KEY_REPEATS = "repeats";
    static final String KEY_INIT = "init";
    static final String KEY_OPTIMIZER = "optimizer";
    static final String KEY_LOSS_THRESHOLD = "loss_threshold";
    static final String KEY_MAX_ITERATIONS = "max_iterations";
    static final String KEY_EPSILON = "nuclear_epsilon";
    static final String KEY_THREADS = "threads";
    static final String KEY_SEED = "seed";
    static final String KEY_NOISE = "noise_std";

    /** Dialog labels, named in messages. */
    static final String LABEL_MS = "Observations m (or measurements)";
    static final String LABEL_DEPTHS = "Depths (1 = fit W directly; 'nuclear' = min nuclear norm)";
    static final String LABEL_SCALES = "Initialisation scales s";
    static final String LABEL_LRS = "Learning rates";
    static final String LABEL_PROBLEM = "Problem";
    static final String LABEL_ROWS = "Rows";
    static final String LABEL_COLS = "Columns";
    static final String LABEL_RANK = "Rank";
    static final String LABEL_REPEATS = "Repeats";
    static final String LABEL_INIT = "Initialisation";
    static final String LABEL_OPTIMIZER = "Optimizer";
    static final String LABEL_LOSS_THRESHOLD = "Stop at train loss";
    static final String LABEL_MAX_ITERATIONS = "Maximum iterations per run";
    static final String LABEL_EPSILON = "Nuclear-norm constraint slack";
    static final String LABEL_THREADS = "Parallel runs (threads)";
    static final String LABEL_SEED = "Master seed";
    static final String LABEL_NOISE = "Noise standard deviation";

    /** The token of the depth list that adds the minimum-nuclear-norm baseline. */
    static final String NUCLEAR = "nuclear";

    static final String[] PROBLEMS = Choice.ids(Problem.class);
    static final String[] INITS = Choice.ids(InitKind.class);
    static final String[] OPTIMIZERS = Choice.ids(OptimizerKind.class);

    static final int MAX_THREADS = 1024;

    final SettingsModelString m_problem = add(KEY_PROBLEM, new SettingsModelString(KEY_PROBLEM,
        Problem.COMPLETION.id()));
    final SettingsModelInteger m_rows = add(KEY_ROWS, new SettingsModelInteger(KEY_ROWS, 100));
    final SettingsModelInteger m_cols = add(KEY_COLS, new SettingsModelInteger(KEY_COLS, 100));
    final SettingsModelInteger m_rank = add(KEY_RANK, new SettingsModelInteger(KEY_RANK, 5));
    final SettingsModelString m_ms = add(KEY_MS, new SettingsModelString(KEY_MS, "2000"));
    final SettingsModelString m_depths = add(KEY_DEPTHS, new SettingsModelString(KEY_DEPTHS, "1,2,3,nuclear"));
    final SettingsModelString m_scales = add(KEY_SCALES, new SettingsModelString(KEY_SCALES, "1e-3,1e-4"));
    final SettingsModelString m_lrs = add(KEY_LRS, new SettingsModelString(KEY_LRS, "1e-3"));
    final SettingsModelInteger m_repeats = add(KEY_REPEATS, new SettingsModelInteger(KEY_REPEATS, 1));
    final SettingsModelString m_init = add(KEY_INIT, new SettingsModelString(KEY_INIT, InitKind.GAUSSIAN.id()));
    final SettingsModelString m_optimizer = add(KEY_OPTIMIZER, new SettingsModelString(KEY_OPTIMIZER,
        OptimizerKind.GROUP_RMSPROP.id()));
    final SettingsModelDouble m_lossThreshold = add(KEY_LOSS_THRESHOLD, new SettingsModelDouble(KEY_LOSS_THRESHOLD,
        1e-6));
    final SettingsModelLong m_maxIterations = add(KEY_MAX_ITERATIONS, new SettingsModelLong(KEY_MAX_ITERATIONS,
        100_000));
    final SettingsModelDouble m_epsilon = add(KEY_EPSILON, new SettingsModelDouble(KEY_EPSILON,
        NuclearNormConfig.DEFAULT_EPSILON));
    final SettingsModelInteger m_threads = add(KEY_THREADS, new SettingsModelInteger(KEY_THREADS, 1));
    final SettingsModelLong m_seed = add(KEY_SEED, new SettingsModelLong(KEY_SEED, 1));
    /** Noise on the observed values / measurements; workflows saved before 0.3.0 load 0 (exact data). */
    final SettingsModelDouble m_noise = addSince("0.3.0", KEY_NOISE, new SettingsModelDouble(KEY_NOISE, 0));

    {
        label(KEY_PROBLEM, LABEL_PROBLEM);
        label(KEY_ROWS, LABEL_ROWS);
        label(KEY_COLS, LABEL_COLS);
        label(KEY_RANK, LABEL_RANK);
        label(KEY_REPEATS, LABEL_REPEATS);
        label(KEY_INIT, LABEL_INIT);
        label(KEY_OPTIMIZER, LABEL_OPTIMIZER);
        label(KEY_LOSS_THRESHOLD, LABEL_LOSS_THRESHOLD);
        label(KEY_MAX_ITERATIONS, LABEL_MAX_ITERATIONS);
        label(KEY_EPSILON, LABEL_EPSILON);
        label(KEY_THREADS, LABEL_THREADS);
        label(KEY_SEED, LABEL_SEED);
        label(KEY_NOISE, LABEL_NOISE);
    }

    /**
     * @return the engine grid of the current values
     * @throws InvalidSettingsException naming the dialog label and key of the first invalid value
     */
    public SweepGrid toGrid() throws InvalidSettingsException {
        return toGrid(m_rows.getIntValue(), m_cols.getIntValue(), m_rank.getIntValue());
    }

    /**
     * The grid on a given ground truth (the node's optional input): its shape and rank replace the
     * Rows, Columns and Rank settings, which must still be valid values but are not used.
     *
     * @return the engine grid of the current values on a rows x cols ground truth of this rank
     * @throws InvalidSettingsException naming the dialog label and key of the first invalid value
     */
    public SweepGrid toGrid(final int rows, final int cols, final int rank) throws InvalidSettingsException {
        try {
            return grid(rows, cols, rank);
        } catch (InvalidSettingsException e) {
            throw withLabels(e);
        }
    }

    private SweepGrid grid(final int rows, final int cols, final int rank) throws InvalidSettingsException {
        String problem = SettingsGroup.requireChoice(KEY_PROBLEM, canonical(m_problem.getStringValue()), PROBLEMS);
        List<Integer> depths = new ArrayList<>();
        boolean nuclear = false;
        for (String t : tokens(m_depths, KEY_DEPTHS, LABEL_DEPTHS)) {
            if (NUCLEAR.equals(t.toLowerCase(Locale.ROOT))) {
                nuclear = true;
                continue;
            }
            int d = parseInt(t, KEY_DEPTHS, LABEL_DEPTHS);
            if (d < 1) {
                throw new InvalidSettingsException(named(LABEL_DEPTHS, KEY_DEPTHS) + ": depth " + d
                    + " is not >= 1 (1 fits W directly)");
            }
            depths.add(d);
        }
        List<Integer> ms = new ArrayList<>();
        for (String t : tokens(m_ms, KEY_MS, LABEL_MS)) {
            int m = parseInt(t, KEY_MS, LABEL_MS);
            if (m < 1) {
                throw new InvalidSettingsException(named(LABEL_MS, KEY_MS) + ": " + m + " is not >= 1");
            }
            ms.add(m);
        }
        List<Double> scales = positives(m_scales, KEY_SCALES, LABEL_SCALES);
        List<Double> lrs = positives(m_lrs, KEY_LRS, LABEL_LRS);
        SettingsGroup.requireRange(KEY_REPEATS, m_repeats.getIntValue(), 1, Integer.MAX_VALUE);
        SettingsGroup.requireRange(KEY_MAX_ITERATIONS, m_maxIterations.getLongValue(), 0, Long.MAX_VALUE);
        SettingsGroup.requireNonNegative(KEY_LOSS_THRESHOLD, m_lossThreshold.getDoubleValue());
        SettingsGroup.requireNonNegative(KEY_EPSILON, m_epsilon.getDoubleValue());
        SettingsGroup.requireNonNegative(KEY_NOISE, m_noise.getDoubleValue());
        SettingsGroup.requireRange(KEY_THREADS, m_threads.getIntValue(), 1, MAX_THREADS);
        SettingsGroup.requireRange(KEY_ROWS, m_rows.getIntValue(), 1, Integer.MAX_VALUE);
        SettingsGroup.requireRange(KEY_COLS, m_cols.getIntValue(), 1, Integer.MAX_VALUE);
        SettingsGroup.requireRange(KEY_RANK, m_rank.getIntValue(), 1,
            Math.min(m_rows.getIntValue(), m_cols.getIntValue()));
        InitKind init = InitKind.parse(SettingsGroup.requireChoice(KEY_INIT, canonical(m_init.getStringValue()),
            INITS));
        OptimizerKind optimizer = OptimizerKind.parse(SettingsGroup.requireChoice(KEY_OPTIMIZER,
            canonical(m_optimizer.getStringValue()), OPTIMIZERS));
        Problem p = Problem.COMPLETION.id().equals(problem) ? Problem.COMPLETION : Problem.SENSING;
        SweepGrid grid = new SweepGrid(p, rows, cols, rank, ms, depths, nuclear, scales, lrs,
            m_repeats.getIntValue(), init, optimizer, m_maxIterations.getLongValue(),
            m_lossThreshold.getDoubleValue(), m_epsilon.getDoubleValue(), m_seed.getLongValue())
            .withNoiseStd(m_noise.getDoubleValue());
        try {
            grid.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Recovery Sweep settings ('" + LABEL_MS + "', '" + LABEL_DEPTHS + "', '"
                + LABEL_SCALES + "', '" + LABEL_LRS + "'): " + e.getMessage(), e);
        }
        return grid;
    }

    /** @return the number of parallel runs */
    public int threads() {
        return m_threads.getIntValue();
    }

    private static String named(final String label, final String key) {
        return "'" + label + "' ('" + key + "')";
    }

    private static List<String> tokens(final SettingsModelString model, final String key, final String label)
        throws InvalidSettingsException {
        String v = model.getStringValue() == null ? "" : model.getStringValue().trim();
        List<String> out = new ArrayList<>();
        for (String t : v.split("[,;\\s]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidSettingsException(named(label, key)
                + " is empty: give at least one value (comma-separated)");
        }
        return out;
    }

    private static int parseInt(final String t, final String key, final String label)
        throws InvalidSettingsException {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(named(label, key) + ": '" + t + "' is not a whole number"
                + (KEY_DEPTHS.equals(key) ? " or 'nuclear'" : ""), e);
        }
    }

    private static List<Double> positives(final SettingsModelString model, final String key, final String label)
        throws InvalidSettingsException {
        List<Double> out = new ArrayList<>();
        for (String t : tokens(model, key, label)) {
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException(named(label, key) + ": '" + t + "' is not a number", e);
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new InvalidSettingsException(named(label, key) + ": " + t + " is not finite and > 0");
            }
            out.add(v);
        }
        return out;
    }

    private static String canonical(final String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks every value, but the observation counts against the Rows and Columns settings only
     * when the node configures: settings alone cannot know whether a ground truth of another shape is
     * connected (see {@link #toGrid(int, int, int)}). A grid of Integer.MAX_VALUE x 1 and rank 1 admits
     * every m and checks everything else.
     */
    @Override
    public void check() throws InvalidSettingsException {
        toGrid(Integer.MAX_VALUE, 1, 1);
    }

    @Override
    protected SweepSettings newInstance() {
        return new SweepSettings();
    }
}
