package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import org.deepfact.cli.ProgressOptions;
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
import java.util.function.ToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.NormsExperiment;
import org.deepfact.engine.experiment.NormsExperiment.Point;
import org.deepfact.engine.experiment.NormsExperiment.Trajectory;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reproduce norms}: Razin and Cohen's 2 x 2 counterexample to norm-based explanations. */
@Command(name = "norms", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Razin and Cohen, 'Implicit Regularization in Deep Learning May Not Be Explainable by Norms' "
                + "(NeurIPS 2020): complete the 2 x 2 matrix with W_12 = W_21 = 1 and W_22 = 0 observed and W_11 "
                + "unobserved. The minimum nuclear norm completion has W_11 = 0; fitting by a deep factorization "
                + "(depth >= 3 here) drives |W_11|, and with it every norm, to infinity as the loss falls, while "
                + "the effective rank falls to 1: the bias is to low rank, not to small norms. The table shows "
                + "where det W (positive at the start) first reached zero.",
            "",
            "Defaults are the authors' (noamrazin/imp_reg_dl_not_norms): depths 2, 3, 4; Gaussian factors of "
                + "standard deviation 8e-3 with det W(0) > 0; gradient descent lr 5e-3 on the mean squared error; "
                + "stop at loss 1e-4 (or 5e6 iterations). Takes about 20-40 s on 2 cores.",
            "",
            "Writes to --out: norms-trajectories.csv (one row per depth and kept record; columns: experiment, "
                + "depth, iteration, train_loss, w11, w12, w21, w22, abs_w11, nuclear_norm, frobenius_norm, "
                + "spectral_norm, effective_rank, determinant), norms-loss.png, norms-w11.png, "
                + "norms-effective-rank.png (against iteration, log axes), norms-w11-vs-loss.png and "
                + "norms-depth<N>-vs-loss.png (|W_11| and the norms against the falling loss, log axes). Prints "
                + "a table per depth and the headline.",
            ""})
public final class NormsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--depths", split = ",", paramLabel = "N", defaultValue = "2,3,4",
            description = "Depths, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--init", paramLabel = "KIND", defaultValue = "gaussian",
            description = "gaussian, uniform, identity or orthogonal (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "8e-3",
            description = "Random kinds: each factor's standard deviation; balanced kinds: the scale of W(0) "
                    + "(default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--condition", paramLabel = "C", defaultValue = "positive_determinant",
            description = "Condition on W(0): positive_determinant, negative_determinant or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String condition;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "5e-3", description = "Gradient-descent learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--loss", paramLabel = "L", defaultValue = "1e-4", description = "Stop at this train loss (default: ${DEFAULT-VALUE}).")
    double loss;

    @Option(names = "--max-iterations", paramLabel = "T", defaultValue = "5000000", description = "Iteration cap (default: ${DEFAULT-VALUE}).")
    long maxIterations;

    @Option(names = "--log-every", paramLabel = "K", defaultValue = "50",
            description = "Record every K iterations; the CSV keeps records 1%% apart in iteration or loss "
                    + "(default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Override
    public Integer call() throws IOException {
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        NormsExperiment experiment;
        try {
            experiment = new NormsExperiment(depths, InitKind.parse(init), alpha, lr, maxIterations, loss, logEvery,
                    InitCondition.parse(condition), common.seed);
            experiment.validate();
            for (int d : depths) {
                experiment.config(d);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), e.getMessage());
        }
        PrintWriter out = common.spec.commandLine().getOut();
        Files.createDirectories(common.out);
        out.printf(Locale.ROOT, "reproduce norms: 2 x 2 completion (W_12 = W_21 = 1, W_22 = 0 observed, W_11 not), "
                + "depths %s, %s init alpha = %s, %s, GD lr = %s, stop at loss %s or %d iterations, seed %d; "
                + "output in %s%n", depths, init, alpha, condition, lr, loss, maxIterations, common.seed, common.out);
        out.flush();
        ProgressBar.Timed<List<Trajectory>> timed = ProgressBar.run(mode, "norms", common.spec.commandLine().getErr(),
                bar -> experiment.execute(threads, bar, ProgressCallback.NONE));
        List<Trajectory> runs = timed.value();
        Path csv = common.out.resolve("norms-trajectories.csv");
        writeCsv(csv, runs);
        int charts = writeCharts(runs);
        printSummary(out, runs);
        out.printf(Locale.ROOT, "%nWrote %s and %d PNG chart(s) in %s; %d runs took %s on %d thread(s).%n",
                csv.getFileName(), charts, common.out, runs.size(), Format.clock(timed.seconds()), threads);
        out.flush();
        return 0;
    }

    private static void writeCsv(Path file, List<Trajectory> runs) throws IOException {
        String[] header = {"experiment", "depth", "iteration", "train_loss", "w11", "w12", "w21", "w22", "abs_w11",
            "nuclear_norm", "frobenius_norm", "spectral_norm", "effective_rank", "determinant"};
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
                        .setRecordSeparator("\n").get())) {
            for (Trajectory t : runs) {
                for (Point p : t.points()) {
                    csv.printRecord("norms", t.depth(), p.iteration(), num(p.trainLoss()), num(p.w11()), num(p.w12()),
                            num(p.w21()), num(p.w22()), num(Math.abs(p.w11())), num(p.nuclearNorm()),
                            num(p.frobeniusNorm()), num(p.spectralNorm()), num(p.effectiveRank()),
                            num(p.determinant()));
                }
            }
        }
    }

    private int writeCharts(List<Trajectory> runs) throws IOException {
        String setting = String.format(Locale.ROOT, "GD lr %s, %s init alpha = %s, %s", lr, init, alpha, condition);
        byIteration(runs, "norms-loss.png", "train loss (" + setting + ")", "train loss", true, Point::trainLoss);
        byIteration(runs, "norms-w11.png", "|W_11|, the unobserved entry (" + setting + ")", "|W_11|", true,
                p -> Math.abs(p.w11()));
        byIteration(runs, "norms-effective-rank.png", "effective rank (" + setting + ")", "effective rank", false,
                Point::effectiveRank);
        List<Charts.Trace> w11 = new ArrayList<>();
        for (Trajectory t : runs) {
            w11.add(trace("depth " + t.depth(), t, Point::trainLoss, p -> Math.abs(p.w11())));
        }
        Charts.xyChart(common.out.resolve("norms-w11-vs-loss.png").toFile(), "|W_11| against the falling loss ("
                + setting + ")", "train loss", "|W_11|", w11, true, true, true);
        for (Trajectory t : runs) {
            List<Charts.Trace> norms = List.of(
                    trace("|W_11|", t, Point::trainLoss, p -> Math.abs(p.w11())),
                    trace("nuclear norm", t, Point::trainLoss, Point::nuclearNorm),
                    trace("Frobenius norm", t, Point::trainLoss, Point::frobeniusNorm),
                    trace("spectral norm", t, Point::trainLoss, Point::spectralNorm));
            Charts.xyChart(common.out.resolve("norms-depth" + t.depth() + "-vs-loss.png").toFile(),
                    "depth " + t.depth() + ": norms against the falling loss", "train loss", "norm", norms, true, true,
                    true);
        }
        return 4 + runs.size();
    }

    private void byIteration(List<Trajectory> runs, String file, String title, String yLabel, boolean logY,
            ToDoubleFunction<Point> y) throws IOException {
        List<Charts.Trace> traces = new ArrayList<>();
        for (Trajectory t : runs) {
            traces.add(trace("depth " + t.depth(), t, Point::iteration, y));
        }
        Charts.xyChart(common.out.resolve(file).toFile(), title, "iteration", yLabel, traces, true, false, logY);
    }

    private static Charts.Trace trace(String name, Trajectory t, ToDoubleFunction<Point> x, ToDoubleFunction<Point> y) {
        double[] xs = new double[t.points().size()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(t.points().get(i));
            ys[i] = y.applyAsDouble(t.points().get(i));
        }
        return new Charts.Trace(name, xs, ys);
    }

    private static void printSummary(PrintWriter out, List<Trajectory> runs) {
        out.println();
        out.printf(Locale.ROOT, "%-5s %10s %-14s %9s %9s %9s %9s %9s %9s %10s %10s  %s%n", "depth", "iterations",
                "stopped", "loss", "|W_11|", "bound", "nuclear", "Frobenius", "spectral", "eff. rank", "det W",
                "det W first <= 0 at");
        for (Trajectory t : runs) {
            Point p = t.last();
            long flip = -1;
            for (Point q : t.points()) {
                if (q.determinant() <= 0) {
                    flip = q.iteration();
                    break;
                }
            }
            out.printf(Locale.ROOT, "%-5d %10d %-14s %9.3g %9.4g %9.4g %9.4g %9.4g %9.4g %10.6f %10.3g  %s%n", t.depth(),
                    t.result().iterations(), t.result().stopReason().id(), p.trainLoss(), Math.abs(p.w11()),
                    NormsExperiment.w11LowerBound(p.trainLoss()), p.nuclearNorm(), p.frobeniusNorm(), p.spectralNorm(),
                    p.effectiveRank(), p.determinant(), flip < 0 ? "never" : Long.toString(flip));
        }
        out.println("bound: (1 - d)^2 / d with d = sqrt(3 loss), the least |W_11| of any 2 x 2 matrix with det W > 0 "
                + "at that loss; rank-1 fit: |W_11| = 1 / sqrt(3 loss).");
        StringBuilder h = new StringBuilder("headline: as the loss fell to ");
        h.append(String.format(Locale.ROOT, "%.3g", runs.get(0).last().trainLoss())).append(", |W_11| reached");
        for (int i = 0; i < runs.size(); i++) {
            Trajectory t = runs.get(i);
            h.append(i == 0 ? " " : i == runs.size() - 1 ? " and " : ", ")
                    .append(String.format(Locale.ROOT, "%.3g", Math.abs(t.last().w11())));
        }
        h.append(" for depth ");
        for (int i = 0; i < runs.size(); i++) {
            h.append(i == 0 ? "" : " / ").append(runs.get(i).depth());
        }
        h.append(" (nuclear norm");
        for (int i = 0; i < runs.size(); i++) {
            h.append(i == 0 ? " " : " / ").append(String.format(Locale.ROOT, "%.3g", runs.get(i).last().nuclearNorm()));
        }
        h.append(", effective rank");
        for (int i = 0; i < runs.size(); i++) {
            h.append(i == 0 ? " " : " / ").append(String.format(Locale.ROOT, "%.4f", runs.get(i).last().effectiveRank()));
        }
        h.append("); the minimum nuclear norm completion has W_11 = 0 and nuclear norm 2");
        out.println(h);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
