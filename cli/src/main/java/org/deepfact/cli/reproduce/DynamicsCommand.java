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
import org.deepfact.engine.experiment.DynamicsSweep;
import org.deepfact.engine.spectrum.Spectrum;
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
            "Defaults: lr 1 (science.md: GD converges on this problem for lr in [0.3, 10]; 0.01 stays at the "
                + "saddle), stop at train loss 1e-6 or 30000 iterations, a record every 20 iterations. Takes "
                + "10 to 30 s on 2 cores.",
            "",
            "Writes to --out: dynamics-singular-values.csv (one row per depth and recorded iteration; columns: "
                + "experiment, depth, iteration, train_loss, reconstruction_error, effective_rank, sigma_1 .. "
                + "sigma_K) and dynamics-depth<N>.png (log y axis; dashed: the ground truth's singular values). "
                + "Prints when each leading singular value reached half its final value.",
            ""})
public final class DynamicsCommand implements Callable<Integer> {

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

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1", description = "Gradient-descent learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--max-iterations", paramLabel = "T", defaultValue = "30000", description = "Iteration cap (default: ${DEFAULT-VALUE}).")
    long maxIterations;

    @Option(names = "--log-every", paramLabel = "K", defaultValue = "20", description = "Record every K iterations (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Singular values recorded (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws IOException {
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        if (top < 1) {
            throw new ParameterException(common.spec.commandLine(), "--top must be >= 1, got " + top);
        }
        DynamicsSweep sweep = new DynamicsSweep(size, size, rank, m, depths, scale, lr, maxIterations, 1e-6, logEvery,
                top, common.seed);
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
        out.printf(Locale.ROOT, "reproduce dynamics: %d x %d, rank %d, m %d, depths %s, identity init s = %s, GD lr = %s, "
                + "stop at loss 1e-6 or %d iterations, record every %d, seed %d; output in %s%n", size, size, rank, m,
                depths, scale, lr, maxIterations, logEvery, common.seed, common.out);
        out.flush();
        ProgressBar.Timed<List<TrainingResult>> timed = ProgressBar.run(mode, "dynamics", common.spec.commandLine().getErr(),
                bar -> sweep.execute(threads, bar, ProgressCallback.NONE));
        List<TrainingResult> results = timed.value();
        double[] truth = Spectrum.of(sweep.groundTruth()).top(Math.min(top, rank));
        Path csv = common.out.resolve("dynamics-singular-values.csv");
        writeCsv(csv, results);
        List<Charts.Line> lines = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            lines.add(new Charts.Line(i == 0 ? "ground truth singular values" : "", truth[i], new Color(0x888888)));
        }
        for (int d = 0; d < depths.size(); d++) {
            List<HistoryRecord> h = results.get(d).history();
            List<Charts.Trace> traces = new ArrayList<>();
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
                            depths.get(d), top, lr, scale), "iteration", "singular value", traces, lines);
        }
        printSummary(out, results, truth);
        out.printf(Locale.ROOT, "%nWrote %s and %d PNG chart(s) in %s; %d runs took %s on %d thread(s).%n",
                csv.getFileName(), depths.size(), common.out, depths.size(), Format.clock(timed.seconds()), threads);
        out.flush();
        return 0;
    }

    private void writeCsv(Path file, List<TrainingResult> results) throws IOException {
        List<String> header = new ArrayList<>(List.of("experiment", "depth", "iteration", "train_loss",
                "reconstruction_error", "effective_rank"));
        for (int i = 1; i <= top; i++) {
            header.add("sigma_" + i);
        }
        AtomicFiles.write(file, tmp -> writeCsvTo(tmp, results, header));
    }

    private void writeCsvTo(Path file, List<TrainingResult> results, List<String> header) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (int d = 0; d < depths.size(); d++) {
                for (HistoryRecord r : results.get(d).history()) {
                    List<Object> row = new ArrayList<>(List.of("dynamics", depths.get(d), r.iteration(),
                            RunTable.num(r.trainLoss()), RunTable.num(r.reconstructionError()),
                            RunTable.num(r.effectiveRank())));
                    double[] sv = r.topSingularValues();
                    for (int i = 0; i < top; i++) {
                        row.add(i < sv.length ? RunTable.num(sv[i]) : "");
                    }
                    csv.printRecord(row);
                }
            }
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
