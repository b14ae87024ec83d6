package org.deepfact.engine.experiment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.experiment.SweepSummary.Group;
import org.deepfact.engine.experiment.SweepSummary.Key;

/**
 * The two tables of a recovery sweep, one row per run and one per group of repeats, as a
 * contract shared by the CLI's CSV files ({@code <problem>-runs.csv}, {@code <problem>-summary.csv})
 * and the KNIME sweep node's output tables: columns are only ever added at the end. A cell is an
 * Integer, Long, Double or String, or null where the value does not apply (e.g. the depth of the
 * nuclear-norm baseline, and its best held-out error and iteration: it has no training history).
 * The held-out columns are {@link RunResult}'s: {@code held_out_error} at the end of the run,
 * {@code best_held_out_error} the lowest of its history and {@code best_held_out_iteration} where
 * (empty for a diverged run, whose error is NaN).
 */
public final class SweepTables {

    /** Columns of the per-run table, in order. */
    public static final List<String> RUN_COLUMNS = List.of("experiment", "rows", "cols", "rank", "m", "method",
            "depth", "init", "init_scale", "optimizer", "lr", "repeat", "truth_seed", "sample_seed", "seed",
            "iterations", "stop_reason", "train_loss", "reconstruction_error", "nuclear_norm", "effective_rank",
            "seconds", "repeats_vary", "noise_std", "held_out_error", "best_held_out_error",
            "best_held_out_iteration");

    /** Columns of the per-group summary, in order. */
    public static final List<String> SUMMARY_COLUMNS = List.of("m", "method", "depth", "lr", "init_scale", "runs",
            "converged", "reconstruction_error_mean", "reconstruction_error_std", "nuclear_norm_mean",
            "nuclear_norm_std", "effective_rank_mean", "effective_rank_std", "iterations_mean", "held_out_error_mean",
            "held_out_error_std", "best_held_out_error_mean", "best_held_out_error_std",
            "best_held_out_iteration_mean");

    /**
     * The Java type of every column's cells (Integer, Long, Double or String), so a typed table
     * (the KNIME node's) declares its columns before any run: a column added to the lists above
     * without a type here fails SweepTablesTest.
     */
    public static final Map<String, Class<?>> TYPES = types();

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> t = new HashMap<>();
        for (String c : List.of("rows", "cols", "rank", "m", "depth", "repeat", "runs", "converged")) {
            t.put(c, Integer.class);
        }
        for (String c : List.of("truth_seed", "sample_seed", "seed", "iterations", "best_held_out_iteration")) {
            t.put(c, Long.class);
        }
        for (String c : List.of("experiment", "method", "init", "optimizer", "stop_reason", "repeats_vary")) {
            t.put(c, String.class);
        }
        for (String c : RUN_COLUMNS) {
            t.putIfAbsent(c, Double.class);
        }
        for (String c : SUMMARY_COLUMNS) {
            t.putIfAbsent(c, Double.class);
        }
        return Map.copyOf(t);
    }

    private SweepTables() {
    }

    /** @return the cells of one run, in {@link #RUN_COLUMNS} order */
    public static List<Object> runRow(RunResult r) {
        RunSpec s = r.spec();
        boolean dmf = !s.nuclear();
        return Arrays.asList(s.problem().id(), s.rows(), s.cols(), s.rank(), s.m(), s.method(),
                dmf ? s.depth() : null, dmf ? s.init().id() : null, dmf ? s.initScale() : null,
                dmf ? s.optimizer().id() : null, dmf ? s.learningRate() : null, s.repeat(), s.truthSeed(),
                s.sampleSeed(), dmf ? s.seed() : null, r.iterations(), r.stopReason().id(), r.trainLoss(),
                r.reconstructionError(), r.nuclearNorm(), r.effectiveRank(), r.seconds(), s.repeatsVary(), s.noiseStd(),
                r.heldOutError(), dmf ? r.bestHeldOutError() : null,
                dmf && r.bestHeldOutIteration() >= 0 ? r.bestHeldOutIteration() : null);
    }

    /** @return the cells of one group, in {@link #SUMMARY_COLUMNS} order */
    public static List<Object> summaryRow(Group g) {
        Key k = g.key();
        boolean dmf = !k.nuclear();
        return Arrays.asList(k.m(), k.method(), dmf ? k.depth() : null, dmf ? k.lr() : null, dmf ? k.scale() : null,
                g.runs(), g.converged(), g.error().mean(), g.error().std(), g.nuclearNorm().mean(),
                g.nuclearNorm().std(), g.effectiveRank().mean(), g.effectiveRank().std(), g.iterations().mean(),
                g.heldOutError().mean(), g.heldOutError().std(), dmf ? g.bestHeldOutError().mean() : null,
                dmf ? g.bestHeldOutError().std() : null, dmf ? g.bestHeldOutIteration().mean() : null);
    }
}
