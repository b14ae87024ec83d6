package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.cli.Format;
import org.deepfact.cli.HeapCheck;
import org.deepfact.cli.ProgressOptions;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.GunasekarExperiment;
import org.deepfact.engine.experiment.GunasekarExperiment.Baseline;
import org.deepfact.engine.experiment.GunasekarExperiment.Run;
import org.deepfact.engine.experiment.GunasekarExperiment.Setting;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reproduce gunasekar}: symmetric factorizations W = P P^T against the minimum trace as alpha -> 0. */
@Command(name = "gunasekar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Gunasekar et al., 'Implicit Regularization in Matrix Factorization' (NeurIPS 2017): gradient descent on "
                + "W = U U^T from U(0) = alpha I reaches the minimum-trace (= nuclear norm) PSD solution as alpha -> 0 "
                + "when the measurement matrices commute; against the seed paper (Arora et al. 2019, section 2), "
                + "where with few observed entries the solutions have a lower error and a larger nuclear norm than "
                + "the minimum. Symmetric depths 2 (U U^T) and 4 (W_2 W_1 W_1^T W_2^T), plain gradient descent, "
                + "W(0) = alpha^2 I (the engine's init scale s = alpha^2), stop at loss 1e-9 mean(y^2).",
            "",
            "Defaults: one PSD truth 30 x 30 of rank 2; (a) commuting: m = 15 measurements A_i = Q D_i Q^T; "
                + "(b) completion: 120 observed entries; alpha in {1, 0.3, 0.1, 0.03, 0.01}, depths 2 and 4. "
                + "15.7 s on 2 idle cores (29 s of CPU), 30-60 s at load. --full: 100 x 100, rank 5, m = 50 "
                + "commuting, 2000 entries (the seed paper's completion size), alpha down to 0.001 (hours).",
            "",
            "Writes to --out: gunasekar-runs.csv (one row per setting, depth and alpha; columns: setting, depth, "
                + "alpha, init_scale, learning_rate, trace, min_trace, gap, relative_loss, reconstruction_error, "
                + "baseline_error, effective_rank, iterations, stop_reason, seconds, off_commuting), "
                + "gunasekar-gap.png (gap (tr W - min tr) / min tr against alpha, both settings) and "
                + "gunasekar-error.png (relative error against alpha, with the minimum-trace solution's). Prints "
                + "one row per run and the headline.",
            ""})
public final class GunasekarCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("setting", "depth", "alpha", "init_scale", "learning_rate", "trace",
            "min_trace", "gap", "relative_loss", "reconstruction_error", "baseline_error", "effective_rank",
            "iterations", "stop_reason", "seconds", "off_commuting");

    @Mixin
    CommonOptions common;

    @Option(names = "--full", description = "The larger grid: 100 x 100, rank 5, m = 50 commuting measurements, "
            + "2000 observed entries, alpha down to 0.001.")
    boolean full;

    @Option(names = "--alphas", split = ",", paramLabel = "A",
            description = "Init scales alpha, U(0) = alpha I (default: 1,0.3,0.1,0.03,0.01; --full adds 0.003,0.001).")
    List<Double> alphas;

    @Option(names = "--depths", split = ",", paramLabel = "N", description = "Even end-to-end depths (default: 2,4).")
    List<Integer> depths;

    @Option(names = "--size", paramLabel = "N", description = "Truth is N x N (default: 30; --full: 100). "
            + "Without --measurements and --observed they follow N in the defaults' proportions.")
    Integer size;

    @Option(names = "--rank", paramLabel = "R", description = "Truth rank (default: 2; --full: 5).")
    Integer rank;

    @Option(names = "--measurements", paramLabel = "M",
            description = "Commuting measurements, < N (default: N / 2, rounded down: 15; --full: 50).")
    Integer measurements;

    @Option(names = "--observed", paramLabel = "M", description = "Observed entries of the completion setting "
            + "(default: 120/900 N^2 rounded, 120 at N = 30; --full: 2000/10000 N^2, 2000).")
    Integer observed;

    @Override
    public Integer call() throws IOException {
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        GunasekarExperiment p = full ? GunasekarExperiment.full(common.seed) : GunasekarExperiment.defaults(common.seed);
        if (size != null) {
            p = p.withSize(size); // m and the observed entries follow the size unless given
        }
        GunasekarExperiment e = new GunasekarExperiment(p.size(), rank == null ? p.rank() : rank,
                measurements == null ? p.measurements() : measurements, observed == null ? p.observed() : observed,
                alphas == null ? p.alphas() : alphas, depths == null ? p.depths() : depths, p.commutingRate(),
                p.completionRate(), p.relativeLoss(), p.maxIterations(), p.seed());
        try {
            e.validate();
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(common.spec.commandLine(), ex.getMessage());
        }
        HeapCheck.require(e.estimateBytes(threads), String.format(Locale.ROOT, "reproduce gunasekar at %d x %d with "
                + "%d commuting measurements on %d thread(s)", e.size(), e.size(), e.measurements(), threads),
                "a smaller --size or --measurements, or fewer --threads", "reproduce gunasekar");
        PrintWriter out = common.spec.commandLine().getOut();
        Files.createDirectories(common.out);
        out.printf(Locale.ROOT, "reproduce gunasekar: PSD truth %d x %d, rank %d; (a) %d commuting measurements, "
                + "(b) %d observed entries; symmetric depths %s, GD from U(0) = alpha I for alpha in %s, stop at "
                + "loss %s mean(y^2) or %d iterations, seed %d; output in %s%n", e.size(), e.size(), e.rank(),
                e.measurements(), e.observed(), e.depths(), Format.sciList(e.alphas()), Format.sci(e.relativeLoss()),
                e.maxIterations(), common.seed, common.out);
        out.flush();
        ProgressBar.Timed<GunasekarExperiment.Outcome> timed = ProgressBar.run(mode, "gunasekar",
                common.spec.commandLine().getErr(), bar -> e.execute(threads, bar, ProgressCallback.NONE));
        GunasekarExperiment.Outcome o = timed.value();
        Path csv = common.out.resolve("gunasekar-runs.csv");
        AtomicFiles.write(csv, tmp -> writeCsv(tmp, o));
        writeCharts(e, o);
        printSummary(out, e, o);
        out.printf(Locale.ROOT, "%nWrote %s and 2 PNG chart(s) in %s; %d runs and 2 baselines took %s on %d "
                + "thread(s).%n", csv.getFileName(), common.out, o.runs().size(), Format.clock(timed.seconds()), threads);
        out.flush();
        return 0;
    }

    private static void writeCsv(Path file, GunasekarExperiment.Outcome o) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (Run r : o.runs()) {
                csv.printRecord(r.setting().id(), r.depth(), num(r.alpha()), num(r.initScale()), num(r.learningRate()),
                        num(r.trace()), num(r.minTrace()), num(r.gap()), num(r.relativeLoss()), num(r.error()),
                        num(r.baselineError()), num(r.effectiveRank()), r.iterations(), r.stopReason().id(),
                        num(r.seconds()), num(r.offCommuting()));
            }
        }
    }

    private void writeCharts(GunasekarExperiment e, GunasekarExperiment.Outcome o) throws IOException {
        List<Charts.Trace> gaps = new ArrayList<>();
        List<Charts.Trace> errors = new ArrayList<>();
        double[] a = e.alphas().stream().mapToDouble(Double::doubleValue).toArray();
        for (Setting s : Setting.values()) {
            for (int depth : e.depths()) {
                List<Run> runs = o.runs(s, depth);
                // A log axis cannot show a gap <= 0 (a solver tolerance's worth below the minimum): left out.
                gaps.add(new Charts.Trace(s.id() + ", depth " + depth, a,
                        runs.stream().mapToDouble(r -> r.gap() > 0 ? r.gap() : Double.NaN).toArray()));
                errors.add(new Charts.Trace(s.id() + ", depth " + depth, a,
                        runs.stream().mapToDouble(Run::error).toArray()));
            }
            double[] b = new double[a.length];
            java.util.Arrays.fill(b, o.baseline(s).error());
            errors.add(new Charts.Trace(s.id() + ", minimum trace", a, b));
        }
        double[] t = new double[a.length];
        java.util.Arrays.fill(t, o.baseline(Setting.COMPLETION).truthGap());
        gaps.add(new Charts.Trace("completion, the truth's own gap", a, t));
        Charts.xyChart(common.out.resolve("gunasekar-gap.png").toFile(),
                "(tr W - min tr) / min tr: commuting -> 0, completion does not", "init scale alpha (U(0) = alpha I)",
                "relative gap to the minimum trace", gaps, true, true, true);
        Charts.xyChart(common.out.resolve("gunasekar-error.png").toFile(),
                "relative error ||W - W*||_F / ||W*||_F against alpha", "init scale alpha (U(0) = alpha I)",
                "relative error", errors, true, true, true);
    }

    private static void printSummary(PrintWriter out, GunasekarExperiment e, GunasekarExperiment.Outcome o) {
        out.println();
        for (Baseline b : o.baselines()) {
            out.printf(Locale.ROOT, "min trace, %-10s: %.6g (error %.4g, effective rank %.3g, %s after %d "
                    + "iterations, %.1f s); tr W* = %.6g, gap %.4g%n", b.setting().id(), b.minTrace(), b.error(),
                    b.effectiveRank(), b.converged() ? "converged" : "NOT converged", b.iterations(), b.seconds(),
                    b.truthTrace(), b.truthGap());
        }
        out.printf(Locale.ROOT, "%n%-10s %5s %8s %12s %11s %10s %11s %9s %10s %-14s %9s%n", "setting", "depth", "alpha",
                "trace", "gap", "rel loss", "error", "eff rank", "iterations", "stopped", "off-comm");
        for (Run r : o.runs()) {
            out.printf(Locale.ROOT, "%-10s %5d %8s %12.6g %11.4e %10.2e %11.4e %9.3g %10d %-14s %9.2e%n",
                    r.setting().id(), r.depth(), Format.sci(r.alpha()), r.trace(), r.gap(), r.relativeLoss(), r.error(),
                    r.effectiveRank(), r.iterations(), r.stopReason().id(), r.offCommuting());
        }
        // The runs are in the order of the alphas, which the user may give in any order.
        List<Double> a = e.alphas();
        int big = a.indexOf(java.util.Collections.max(a));
        int small = a.indexOf(java.util.Collections.min(a));
        StringBuilder h = new StringBuilder("headline: commuting (Theorem 1), gap from alpha = ")
                .append(Format.sci(a.get(big))).append(" to ").append(Format.sci(a.get(small))).append(':');
        for (int depth : e.depths()) {
            List<Run> runs = o.runs(Setting.COMMUTING, depth);
            h.append(String.format(Locale.ROOT, " depth %d %.3g -> %.3g;", depth, runs.get(big).gap(),
                    runs.get(small).gap()));
        }
        h.append(" completion, gap at the smallest alpha (error vs the minimum trace's ")
                .append(String.format(Locale.ROOT, "%.3g", o.baseline(Setting.COMPLETION).error())).append("):");
        for (int depth : e.depths()) {
            Run r = o.runs(Setting.COMPLETION, depth).get(small);
            h.append(String.format(Locale.ROOT, " depth %d %.3g (error %.3g);", depth, r.gap(), r.error()));
        }
        h.append(String.format(Locale.ROOT, " the truth's own gap %.3g;", o.baseline(Setting.COMPLETION).truthGap()));
        out.println(h.substring(0, h.length() - 1));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
