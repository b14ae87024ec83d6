package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.StopReason;

/**
 * What a recovery sweep shows: its runs grouped over repeats (same m, method, depth, lr and init
 * scale) with mean and spread of every metric, the ground truth's own metrics, and the paper's
 * headline per m. The command line and the KNIME sweep node print and tabulate these, so both
 * report the same numbers.
 */
public final class SweepSummary {

    private SweepSummary() {
    }

    /** A group of repeats: same m, method, depth, lr and init scale (the baseline has only m). */
    public record Key(int m, boolean nuclear, int depth, double lr, double scale) {
        public static Key of(RunSpec s) {
            return s.nuclear() ? new Key(s.m(), true, 0, Double.NaN, Double.NaN)
                    : new Key(s.m(), false, s.depth(), s.learningRate(), s.initScale());
        }

        /** @return "dmf" or "nuclear", as {@link RunSpec#method()} */
        public String method() {
            return nuclear ? "nuclear" : "dmf";
        }
    }

    /**
     * Mean/std of the metrics of one group, and how its runs stopped; the held-out errors as
     * {@link RunResult}'s (the best ones and their iterations have no values for the baseline).
     */
    public record Group(Key key, int runs, Stats error, Stats nuclearNorm, Stats effectiveRank, Stats iterations,
            Stats trainLoss, int converged, int capped, int diverged, Stats heldOutError, Stats bestHeldOutError,
            Stats bestHeldOutIteration) {
    }

    /** The ground truth's nuclear norm and effective rank, mean over repeats. */
    public record Truth(double nuclearNorm, double effectiveRank) {
    }

    /**
     * The paper's comparison at one m: the best depth &gt;= 3 group against depth 2 and the
     * minimum nuclear norm (either may be null when the grid lacks it).
     */
    public record Headline(int m, double scale, double lr, Group deep, Group depth2, Group nuclear) {
        /** @return how many times smaller the deep error is than {@code other}'s */
        public double ratio(Group other) {
            return other.error().mean() / deep.error().mean();
        }
    }

    /** @return the groups in order of first appearance in {@code results} (grid order) */
    public static List<Group> groups(List<RunResult> results) {
        List<Group> out = new ArrayList<>();
        for (Map.Entry<Key, List<RunResult>> e : Aggregation.groups(results, (RunResult r) -> Key.of(r.spec()))
                .entrySet()) {
            List<RunResult> rs = e.getValue();
            out.add(new Group(e.getKey(), rs.size(),
                    Stats.of(rs.stream().mapToDouble(RunResult::reconstructionError).toArray()),
                    Stats.of(rs.stream().mapToDouble(RunResult::nuclearNorm).toArray()),
                    Stats.of(rs.stream().mapToDouble(RunResult::effectiveRank).toArray()),
                    Stats.of(rs.stream().mapToDouble(r -> r.iterations()).toArray()),
                    Stats.of(rs.stream().mapToDouble(RunResult::trainLoss).toArray()),
                    count(rs, StopReason.CONVERGED), count(rs, StopReason.MAX_ITERATIONS),
                    count(rs, StopReason.DIVERGED),
                    Stats.of(rs.stream().mapToDouble(RunResult::heldOutError).toArray()),
                    Stats.of(rs.stream().mapToDouble(RunResult::bestHeldOutError).toArray()),
                    Stats.of(rs.stream().mapToDouble(r -> r.bestHeldOutIteration() < 0 ? Double.NaN
                            : r.bestHeldOutIteration()).toArray())));
        }
        return out;
    }

    private static int count(List<RunResult> rs, StopReason reason) {
        return (int) rs.stream().filter(r -> r.stopReason() == reason).count();
    }

    /** @return mean over the sweep's repeats of the ground truth's nuclear norm and effective rank */
    public static Truth truth(RecoverySweep sweep) {
        int k = sweep.grid().repeats();
        double[] nn = new double[k];
        double[] er = new double[k];
        for (int r = 0; r < k; r++) {
            Spectrum s = Spectrum.of(sweep.groundTruth(r));
            nn[r] = s.nuclearNorm();
            er[r] = s.effectiveRank();
        }
        return new Truth(Stats.of(nn).mean(), Stats.of(er).mean());
    }

    /**
     * The paper's headline per m, at the grid's first init scale and learning rate: the best
     * depth &gt;= 3 error against depth 2's and the baseline's. An m without a depth &gt;= 3 group,
     * or with neither comparison, has none.
     */
    public static List<Headline> headlines(SweepGrid grid, List<Group> groups) {
        List<Headline> lines = new ArrayList<>();
        if (grid.initScales().isEmpty() || grid.learningRates().isEmpty()) {
            return lines;
        }
        double s = grid.initScales().get(0);
        double lr = grid.learningRates().get(0);
        for (int m : grid.ms()) {
            Group d2 = null;
            Group deep = null;
            Group nuc = null;
            for (Group g : groups) {
                Key k = g.key();
                if (k.m() != m) {
                    continue;
                }
                if (k.nuclear()) {
                    nuc = g;
                } else if (k.scale() == s && k.lr() == lr) {
                    if (k.depth() == 2) {
                        d2 = g;
                    } else if (k.depth() >= 3 && (deep == null || g.error().mean() < deep.error().mean())) {
                        deep = g;
                    }
                }
            }
            if (deep != null && (d2 != null || nuc != null)) {
                lines.add(new Headline(m, s, lr, deep, d2, nuc));
            }
        }
        return lines;
    }
}
