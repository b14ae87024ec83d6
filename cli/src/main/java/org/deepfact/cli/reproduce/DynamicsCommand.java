package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import org.deepfact.cli.ProgressOptions;
import java.awt.Color;
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
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Ratings;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.experiment.DynamicsSweep;
import org.deepfact.engine.experiment.PaperReference;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.theory.DynamicsCheck;
import org.deepfact.engine.theory.DynamicsReport;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reproduce dynamics}: Fig. 3 of the paper. */
@Command(name = "dynamics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fig. 3 of Arora et al. (NeurIPS 2019): the top singular values of the end-to-end matrix against "
                + "iteration, for depths 1, 2 and 3, trained by gradient descent from the balanced identity "
                + "initialisation W_j = s^(1/N) I (s = 1e-3) on the completion problem of 'reproduce completion' "
                + "(100 x 100, rank 5, m = 2000; same seeds as its repeat 0). With depth 3 the ground truth's "
                + "singular values are learned one after another; with depth 2 they rise together and a tail remains.",
            "",
            "Defaults: GD lr 0.1 from s = 1e-3 (the authors' default scale; chosen so that the escapes fall where "
                + "the authors' figure has them: about 2 500-7 500 steps for depth 2 and 8 000-16 000 for depth 3; lr 1 "
                + "overshoots, 0.01 stays at the saddle), stop at train loss 1e-6 or 50000 iterations, a record every 100 "
                + "iterations (as the authors) plus one a step later for the theory check. Takes 1 to 3 minutes on 2 cores.",
            "",
            "Writes to --out: dynamics-singular-values.csv (one row per depth and recorded iteration; columns: "
                + "experiment, depth, iteration, train_loss, reconstruction_error, effective_rank, sigma_1 .. "
                + "sigma_K, then schatten_sum_2_over_n (the authors' logged sum sigma^(2/N), no root), "
                + "alignment_diagonal_mean, alignment_diagonal_std, alignment_off_diagonal_mean, "
                + "alignment_off_diagonal_std (|U^T G V|, G = dL/dW)), dynamics-step-check.csv (per depth, "
                + "checked step and singular value: sigma, measured and predicted change), dynamics-depth<N>.png "
                + "(log y; dashed: the ground truth's singular values) and dynamics-alignment.png (the authors' fourth "
                + "panel). Linear step axes as the authors'; --log-steps for log ones. Prints when each leading "
                + "singular value reached half its final value, the measured-vs-predicted discrepancy of each top "
                + "singular value, and the notebook's minimum test errors beside ours.",
            "",
            "With --ratings FILE (MovieLens u.data or a CSV with a header, as 'train --ratings'): the MovieLens row "
                + "of Fig. 3. Items are the rows, users the columns; --train-count ratings drawn with --seed train "
                + "(the same split as 'train --ratings' with that seed), the rest are held out. Same depths, "
                + "identity init s = 1e-3, GD with the authors' lr 0.01 (their SGD.toml; full batch) and a record "
                + "every 100. The CSV's experiment is dynamics-ratings and its fifth column held_out_mse (the "
                + "held-out MSE; there is no ground truth); no dashed ground-truth lines. Default cap 2000 "
                + "iterations: the authors run 2e5 (--max-iterations 200000), about 39 CPU hours at 1682 x 943 "
                + "for depth 3. Prints the minimum held-out MSE per depth beside the notebook's (13.73 / 1.450 / "
                + "1.398) and the mean predictor's.",
            ""})
public final class DynamicsCommand implements Callable<Integer> {

    /** The authors' MovieLens learning rate (their configs/opt/SGD.toml; full-batch steps). */
    static final String RATINGS_LR = "0.01";

    /** The default cap with --ratings: the authors' 2e5 steps cost ~39 CPU hours at 1682 x 943, depth 3. */
    static final String RATINGS_MAX_ITERATIONS = "2000";

    /** Singular values the theory check covers with --ratings (the rank is unknown; the synthetic default's 5). */
    private static final int RATINGS_CHECKED = 5;

    /** The ratings' training sample and held-out rest, or null for the synthetic problem. */
    private RecoveryProblem ratingsProblem;

    private Ratings ratings;

    @Mixin
    CommonOptions common;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "Ground truth is N x N (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rank", paramLabel = "R", defaultValue = "5", description = "Ground-truth rank (default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--m", paramLabel = "M", defaultValue = "2000", description = "Observed entries (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--depths", split = ",", paramLabel = "N", defaultValue = "1,2,3",
            description = "Depths, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1e-3", description = "Identity init scale s: W(0) = s I (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.1", description = "Gradient-descent learning rate "
            + "(default: ${DEFAULT-VALUE}; with --ratings " + RATINGS_LR + ", the authors').")
    double lr;

    @Option(names = "--max-iterations", paramLabel = "T", defaultValue = "50000", description = "Iteration cap "
            + "(default: ${DEFAULT-VALUE}; with --ratings " + RATINGS_MAX_ITERATIONS + "; the authors' MovieLens run "
            + "is 200000).")
    long maxIterations;

    @Option(names = "--ratings", paramLabel = "FILE", description = "Run on a ratings file instead of the synthetic "
            + "problem: MovieLens u.data (user, item, rating, timestamp, tab-separated) or CSV with a header naming "
            + "user / userId, item / movieId and rating; --size, --rank and --m do not apply.")
    Path ratingsFile;

    @Option(names = "--train-count", paramLabel = "N", defaultValue = "10000", description = "With --ratings: ratings "
            + "drawn with --seed for training, the rest held out (default: ${DEFAULT-VALUE}, the paper's).")
    int trainCount;

    @Option(names = "--log-every", paramLabel = "K", defaultValue = "100", description = "Record every K iterations (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Singular values recorded (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--log-steps", description = "Log step axes on the charts (default: linear, as the authors').")
    boolean logSteps;

    @Override
    public Integer call() throws IOException {
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        if (top < 1) {
            throw new ParameterException(common.spec.commandLine(), "--top must be >= 1, got " + top);
        }
        picocli.CommandLine.ParseResult parsed = common.spec.commandLine().getParseResult();
        if (ratingsFile != null) {
            for (String o : List.of("--size", "--rank", "--m")) {
                if (parsed.hasMatchedOption(o)) {
                    throw new ParameterException(common.spec.commandLine(), o + " does not apply with --ratings "
                            + "(the file gives the shape and --train-count the training sample)");
                }
            }
            if (!parsed.hasMatchedOption("--lr")) {
                lr = Double.parseDouble(RATINGS_LR);
            }
            if (!parsed.hasMatchedOption("--max-iterations")) {
                maxIterations = Long.parseLong(RATINGS_MAX_ITERATIONS);
            }
            readRatings();
        } else if (parsed.hasMatchedOption("--train-count")) {
            throw new ParameterException(common.spec.commandLine(), "--train-count applies only with --ratings");
        }
        int rows = ratings == null ? size : ratings.rows();
        int cols = ratings == null ? size : ratings.cols();
        DynamicsSweep sweep = ratings == null
                ? new DynamicsSweep(size, size, rank, m, depths, scale, lr, maxIterations, 1e-6, logEvery, top,
                        common.seed)
                : new DynamicsSweep(rows, cols, 1, trainCount, depths, scale, lr, maxIterations, 1e-6, logEvery, top,
                        common.seed);
        try {
            sweep.dataGrid().validate();
            if (logEvery < 1) {
                throw new IllegalArgumentException("--log-every must be >= 1, got " + logEvery);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), e.getMessage());
        }
        PrintWriter out = common.spec.commandLine().getOut();
        Files.createDirectories(common.out);
        String what = ratings == null
                ? String.format(Locale.ROOT, "%d x %d, rank %d, m %d", size, size, rank, m)
                : String.format(Locale.ROOT, "ratings %s: %d items x %d users, %d ratings, %d for training, the rest "
                        + "held out", ratingsFile, rows, cols, ratings.size(), trainCount);
        out.printf(Locale.ROOT, "reproduce dynamics: %s, depths %s, identity init s = %s, GD lr = %s, "
                + "stop at loss 1e-6 or %d iterations, record every %d, seed %d; output in %s%n", what,
                depths, scale, lr, maxIterations, logEvery, common.seed, common.out);
        out.flush();
        ProgressBar.Timed<List<TrainingResult>> timed = ProgressBar.run(mode, "dynamics", common.spec.commandLine().getErr(),
                bar -> ratingsProblem == null ? sweep.execute(threads, bar, ProgressCallback.NONE)
                        : sweep.execute(ratingsProblem, threads, bar, ProgressCallback.NONE));
        List<TrainingResult> results = timed.value();
        double[] truth = ratings == null ? Spectrum.of(sweep.groundTruth()).top(Math.min(top, rank)) : new double[0];
        Path csv = common.out.resolve("dynamics-singular-values.csv");
        writeCsv(csv, results);
        int checked = Math.min(top, ratings == null ? rank : RATINGS_CHECKED);
        List<DynamicsReport> checks = new ArrayList<>();
        for (int d = 0; d < depths.size(); d++) {
            checks.add(DynamicsCheck.of(results.get(d).history(), depths.get(d), checked));
        }
        Path stepCsv = common.out.resolve("dynamics-step-check.csv");
        writeStepCheck(stepCsv, results, checks);
        List<Charts.Line> lines = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            lines.add(new Charts.Line(i == 0 ? "ground truth singular values" : "", truth[i], new Color(0x888888)));
        }
        for (int d = 0; d < depths.size(); d++) {
            List<HistoryRecord> h = results.get(d).history();
            List<Charts.Trace> traces = new ArrayList<>();
            h = logged(h);
            for (int i = 0; i < top; i++) {
                double[] x = new double[h.size()];
                double[] y = new double[h.size()];
                for (int t = 0; t < h.size(); t++) {
                    double[] sv = h.get(t).topSingularValues();
                    x[t] = h.get(t).iteration();
                    y[t] = i < sv.length ? sv[i] : Double.NaN;
                }
                traces.add(new Charts.Trace("\u03c3" + (i + 1), x, y));
            }
            Charts.traceChart(common.out.resolve("dynamics-depth" + depths.get(d) + ".png").toFile(),
                    String.format(Locale.ROOT, "depth %d: top %d singular values (GD lr %s, identity init s = %s)",
                            depths.get(d), top, lr, scale), "iteration", "singular value", traces, lines, logSteps);
        }
        alignmentChart(common.out.resolve("dynamics-alignment.png"), results);
        if (ratings == null) {
            printSummary(out, results, truth);
        } else {
            printRatingsSummary(out, results);
        }
        printCheck(out, checks);
        out.printf(Locale.ROOT, "%nWrote %s, %s and %d PNG chart(s) in %s; %d runs took %s on %d thread(s).%n",
                csv.getFileName(), stepCsv.getFileName(), depths.size() + 1, common.out, depths.size(),
                Format.clock(timed.seconds()), threads);
        out.flush();
        return 0;
    }

    /** Reads the file and splits it as {@code train --ratings} does with the same seed; exit 2 naming the line. */
    private void readRatings() {
        try {
            ratings = Ratings.read(ratingsFile);
        } catch (IOException e) {
            throw new ParameterException(common.spec.commandLine(), "--ratings: cannot read " + ratingsFile + ": "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), "--ratings: " + e.getMessage());
        }
        try {
            ratingsProblem = ratings.split(trainCount, common.seed + 1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), "--train-count: " + e.getMessage());
        }
    }

    /** The CSVs' experiment column, also the key of the notebook's values in paper-reference.csv. */
    private String experiment() {
        return ratings == null ? "dynamics" : "dynamics-ratings";
    }

    /**
     * The MovieLens row: per depth the minimum held-out MSE over the records and where, beside the
     * notebook's and the two constant predictors' (zero: where the identity start and depth 1's
     * unobserved entries stay; the training mean).
     */
    private void printRatingsSummary(PrintWriter out, List<TrainingResult> results) {
        Observations train = ratingsProblem.observations();
        Observations held = ratingsProblem.heldOut();
        double mean = Ratings.mean(train);
        double meanMse = 0;
        double zeroMse = 0;
        for (int k = 0; k < held.size(); k++) {
            double v = held.value(k);
            meanMse += (v - mean) * (v - mean);
            zeroMse += v * v;
        }
        meanMse /= held.size();
        zeroMse /= held.size();
        out.println();
        out.printf(Locale.ROOT, "held-out MSE of constant predictors: the training mean %.4g: %.4g; zero: %.4g%n", mean,
                meanMse, zeroMse);
        out.printf(Locale.ROOT, "%-5s %10s %-14s %10s %12s %10s  %s%n", "depth", "iterations", "stopped", "loss",
                "min held-out", "at", "the authors' notebook (min held-out MSE)");
        for (int d = 0; d < depths.size(); d++) {
            TrainingResult r = results.get(d);
            double min = Double.POSITIVE_INFINITY;
            long at = -1;
            for (HistoryRecord h : r.history()) {
                if (h.heldOutError() < min) {
                    min = h.heldOutError();
                    at = h.iteration();
                }
            }
            PaperReference ref = PaperReference.find("dynamics-ratings", -1, false, depths.get(d), Double.NaN,
                    "min_held_out_mse");
            out.printf(Locale.ROOT, "%-5d %10d %-14s %10s %12s %10d  %s%n", depths.get(d), r.iterations(),
                    r.stopReason().id(), Format.sci(r.last().trainLoss()), String.format(Locale.ROOT, "%.4g", min), at,
                    ref == null ? "-" : ref.describe());
            double[] fin = r.last().topSingularValues();
            out.printf(Locale.ROOT, "      final top singular values: %s%n", values(fin, Math.min(fin.length, top)));
        }
        out.printf(Locale.ROOT, "(the notebook's: MovieLens 100K, 1682 x 943, 10 000 training ratings, 2e5 steps; "
                + "this run: %d x %d, %d, at most %d steps)%n", ratings.rows(), ratings.cols(), trainCount,
                maxIterations);
    }

    private void writeCsv(Path file, List<TrainingResult> results) throws IOException {
        List<String> header = new ArrayList<>(List.of("experiment", "depth", "iteration", "train_loss",
                ratings == null ? "reconstruction_error" : "held_out_mse", "effective_rank"));
        for (int i = 1; i <= top; i++) {
            header.add("sigma_" + i);
        }
        header.addAll(List.of("schatten_sum_2_over_n", "alignment_diagonal_mean", "alignment_diagonal_std",
                "alignment_off_diagonal_mean", "alignment_off_diagonal_std"));
        AtomicFiles.write(file, tmp -> writeCsvTo(tmp, results, header));
    }

    private void writeCsvTo(Path file, List<TrainingResult> results, List<String> header) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (int d = 0; d < depths.size(); d++) {
                for (HistoryRecord r : logged(results.get(d).history())) {
                    List<Object> row = new ArrayList<>(List.of(experiment(), depths.get(d), r.iteration(),
                            RunTable.num(r.trainLoss()), RunTable.num(r.testError()),
                            RunTable.num(r.effectiveRank())));
                    double[] sv = r.topSingularValues();
                    for (int i = 0; i < top; i++) {
                        row.add(i < sv.length ? RunTable.num(sv[i]) : "");
                    }
                    for (double v : new double[] {r.schattenSum(), r.alignmentDiagonalMean(),
                        r.alignmentDiagonalSpread(), r.alignmentOffDiagonalMean(), r.alignmentOffDiagonalSpread()}) {
                        row.add(RunTable.num(v));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    /** The records every --log-every iterations and the last one, without the step check's extra records. */
    private List<HistoryRecord> logged(List<HistoryRecord> h) {
        List<HistoryRecord> out = new ArrayList<>();
        for (int t = 0; t < h.size(); t++) {
            if (h.get(t).iteration() % logEvery == 0 || t == h.size() - 1) {
                out.add(h.get(t));
            }
        }
        return out;
    }

    private void writeStepCheck(Path file, List<TrainingResult> results, List<DynamicsReport> checks)
            throws IOException {
        AtomicFiles.write(file, tmp -> writeStepCheckTo(tmp, results, checks));
    }

    private void writeStepCheckTo(Path file, List<TrainingResult> results, List<DynamicsReport> checks)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("experiment", "depth",
                        "iteration", "index", "sigma", "measured_step", "predicted_step").setRecordSeparator("\n")
                        .get())) {
            for (int d = 0; d < depths.size(); d++) {
                DynamicsReport c = checks.get(d);
                java.util.Map<Long, HistoryRecord> at = new java.util.HashMap<>();
                for (HistoryRecord r : results.get(d).history()) {
                    at.put(r.iteration(), r);
                }
                for (int t = 0; t < c.iterations().length; t++) {
                    double[] sv = at.get(c.iterations()[t]).topSingularValues();
                    for (int r = 0; r < c.relativeDiscrepancy().length; r++) {
                        csv.printRecord(experiment(), depths.get(d), c.iterations()[t], r + 1, RunTable.num(sv[r]),
                                RunTable.num(c.measured()[t][r]), RunTable.num(c.predicted()[t][r]));
                    }
                }
            }
        }
    }

    /** The authors' fourth panel: mean |U^T G V| on and off the diagonal against iteration, per depth. */
    private void alignmentChart(Path file, List<TrainingResult> results) throws IOException {
        List<Charts.Trace> traces = new ArrayList<>();
        for (int d = 0; d < depths.size(); d++) {
            List<HistoryRecord> h = logged(results.get(d).history());
            double[] x = new double[h.size()];
            double[] diag = new double[h.size()];
            double[] off = new double[h.size()];
            for (int t = 0; t < h.size(); t++) {
                x[t] = h.get(t).iteration();
                diag[t] = h.get(t).alignmentDiagonalMean();
                off[t] = h.get(t).alignmentOffDiagonalMean();
            }
            traces.add(new Charts.Trace("depth " + depths.get(d) + " diagonal", x, diag));
            traces.add(new Charts.Trace("depth " + depths.get(d) + " off-diagonal", x, off));
        }
        Charts.traceChart(file.toFile(), "gradient alignment: mean |U^T G V| on and off the diagonal", "iteration",
                "mean |u_r^T G v_s|", traces, List.of(), logSteps);
    }

    private void printCheck(PrintWriter out, List<DynamicsReport> checks) {
        out.println();
        out.println("theory check (science.md section 6): measured change of sigma_r over one recorded step against "
                + "-lr N sigma_r^(2-2/N) <G, u_r v_r^T>; relative discrepancy sum|measured - predicted| / sum|predicted|");
        for (int d = 0; d < depths.size(); d++) {
            DynamicsReport c = checks.get(d);
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < c.relativeDiscrepancy().length; r++) {
                b.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2g%%", 100 * c.relativeDiscrepancy()[r]));
            }
            out.printf(Locale.ROOT, "depth %d, sigma_1..%d over %d steps: %s%n", depths.get(d),
                    c.relativeDiscrepancy().length, c.iterations().length, b);
        }
    }

    private void printSummary(PrintWriter out, List<TrainingResult> results, double[] truth) {
        out.println();
        out.printf(Locale.ROOT, "ground truth singular values: %s%n", values(truth, truth.length));
        out.printf(Locale.ROOT, "%-5s %10s %-14s %10s %10s  %s%n", "depth", "iterations", "stopped", "loss", "error",
                "iteration at which sigma_i reached half its final value (i = 1..)");
        for (int d = 0; d < depths.size(); d++) {
            TrainingResult r = results.get(d);
            HistoryRecord last = r.last();
            double[] fin = last.topSingularValues();
            StringBuilder times = new StringBuilder();
            for (int i = 0; i < Math.min(fin.length, truth.length + 1); i++) {
                long when = -1;
                for (HistoryRecord h : r.history()) {
                    double[] sv = h.topSingularValues();
                    if (i < sv.length && sv[i] >= fin[i] / 2) {
                        when = h.iteration();
                        break;
                    }
                }
                times.append(i == 0 ? "" : ", ").append(when);
            }
            out.printf(Locale.ROOT, "%-5d %10d %-14s %10s %10s  %s%n", depths.get(d), r.iterations(),
                    r.stopReason().id(), Format.sci(last.trainLoss()),
                    Format.sci(last.reconstructionError()), times);
            out.printf(Locale.ROOT, "      final top singular values: %s%n", values(fin, Math.min(fin.length, truth.length + 3)));
            PaperReference ref = PaperReference.find("dynamics", m, false, depths.get(d), Double.NaN, "min_test_error");
            if (ref != null && size == 100 && rank == 5) {
                double min = Double.POSITIVE_INFINITY;
                for (HistoryRecord h : r.history()) {
                    min = Math.min(min, h.reconstructionError());
                }
                out.printf(Locale.ROOT, "      minimum test error over the run %s; the authors' notebook %s%n",
                        Format.sci(min), ref.describe());
            }
        }
    }

    private static String values(double[] v, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", v[i]));
        }
        return b.toString();
    }
}
