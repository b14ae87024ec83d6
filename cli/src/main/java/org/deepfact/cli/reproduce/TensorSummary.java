package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.tensor.CpHistoryRecord;
import org.deepfact.engine.tensor.TensorSweep;

/** The printed table, headline and incremental-learning line of {@code reproduce tensor}. */
final class TensorSummary {

    private TensorSummary() {
    }

    static void print(PrintWriter out, TensorSweep sweep, List<TensorSweep.Outcome> results, int headlineM) {
        out.println();
        out.printf(Locale.ROOT, "%-6s %-17s %8s %10s  %-14s %9s %9s %10s %5s  %s%n", "m", "method", "s", "iterations",
                "stopped", "loss", "error", "unobserved", "rank", "top component norms");
        for (TensorSweep.Outcome o : results) {
            TensorSweep.Run r = o.run();
            String method = r.method().equals("unfolded_dmf") ? "unfolded_dmf d=" + r.depth() : r.method();
            out.printf(Locale.ROOT, "%-6d %-17s %8s %10d  %-14s %9s %9s %10s %5s  %s%n", r.m(), method,
                    Double.isNaN(r.initStd()) ? "-" : Format.sci(r.initStd()), o.iterations(), o.stopReason(),
                    Format.sci(o.trainLoss()), Format.sci(o.reconstructionError()),
                    Format.sci(o.unobservedError()), o.tensorRank() < 0 ? "-" : Integer.toString(o.tensorRank()),
                    values(o.topComponentNorms(), 5));
        }
        double[] truthNorms = sortedDescending(sweep.groundTruth().cp().componentNorms());
        out.printf(Locale.ROOT, "ground truth: tensor rank %d, component norms %s%n", sweep.grid().rank(),
                values(truthNorms, truthNorms.length));
        List<Double> stds = sweep.grid().initStds();
        double small = stds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double large = stds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        TensorSweep.Outcome best = cp(results, headlineM, small);
        TensorSweep.Outcome worst = cp(results, headlineM, large);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "headline m = %d: CP s = %s error %s (tensor rank %d, ground truth %d)",
                headlineM, Format.sci(small), Format.sci(best.reconstructionError()), best.tensorRank(),
                sweep.grid().rank()));
        if (large != small) {
            b.append(String.format(Locale.ROOT, " vs s = %s error %s (rank %d)", Format.sci(large),
                    Format.sci(worst.reconstructionError()), worst.tensorRank()));
        }
        for (TensorSweep.Outcome o : results) {
            if (o.run().m() == headlineM && !o.run().method().equals("cp")) {
                String name = o.run().method().equals("unfolded_nuclear") ? "unfolded min nuclear norm"
                        : "unfolded depth-" + o.run().depth() + " matrix factorization";
                b.append(String.format(Locale.ROOT, "; %s %s (%.0fx higher)", name,
                        Format.sci(o.reconstructionError()), o.reconstructionError() / best.reconstructionError()));
            }
        }
        out.println(b);
        long[] half = halfTimes(best.history(), sweep.grid().rank());
        out.printf(Locale.ROOT, "incremental learning (m = %d, s = %s): the %d largest components reached half their final "
                + "norm at iterations %s%n", headlineM, Format.sci(small), half.length,
                Arrays.toString(half).replace("[", "").replace("]", ""));
    }

    static TensorSweep.Outcome cp(List<TensorSweep.Outcome> results, int m, double s) {
        return results.stream().filter(o -> o.run().method().equals("cp") && o.run().m() == m && o.run().initStd() == s)
                .findFirst().orElseThrow();
    }

    /** @return the first recorded iteration at which the j-th largest norm reached half its final value */
    static long[] halfTimes(List<CpHistoryRecord> history, int k) {
        double[] fin = history.get(history.size() - 1).topComponentNorms();
        long[] out = new long[Math.min(k, fin.length)];
        for (int j = 0; j < out.length; j++) {
            out[j] = -1;
            for (CpHistoryRecord h : history) {
                if (h.topComponentNorms()[j] >= fin[j] / 2) {
                    out[j] = h.iteration();
                    break;
                }
            }
        }
        return out;
    }

    static double[] sortedDescending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    static String values(double[] v, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, v.length); i++) {
            b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", v[i]));
        }
        return b.toString();
    }
}
