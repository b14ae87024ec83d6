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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.greedy.GlrlExperiment;
import org.deepfact.engine.greedy.GreedyLowRank;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reproduce glrl}: greedy low-rank learning against depth-2 gradient descent from small inits. */
@Command(name = "glrl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Li, Luo and Lyu, 'Towards Resolving the Implicit Bias of Gradient Descent for Matrix Factorization: "
                + "Greedy Low-Rank Learning' (ICLR 2021): GLRL starts from W = 0, repeatedly adds the top singular "
                + "direction of the negative gradient at scale epsilon and trains (depth 2, gradient descent) until "
                + "the loss stops falling; depth-2 gradient descent from Gaussian inits of scale s should approach "
                + "its solution as s -> 0.",
            "",
            "Defaults: 20 x 20, rank 3, m = 200 observed entries, epsilon 1e-8, lr 1, s in {1e-2, 1e-4, 1e-8, "
                + "1e-12, 1e-16}, stop at loss 1e-6. Takes about 15-30 s on 2 cores.",
            "",
            "Writes to --out: glrl-trajectories.csv (one row per run and record; columns: experiment, method "
                + "(glrl or gd), init_scale, iteration, glrl_rank, train_loss, reconstruction_error, numerical_rank, "
                + "sigma_1 .. sigma_5), glrl-loss.png (train loss against iteration), glrl-sigma1-5.png (GLRL's "
                + "singular values against iteration) and glrl-distance.png (distance to GLRL's solution and "
                + "reconstruction error against s). Prints GLRL's phases, one row per s and the headline.",
            ""})
public final class GlrlCommand implements Callable<Integer> {

    private static final int SIGMAS = 5;

    @Mixin
    CommonOptions common;

    @Option(names = "--size", paramLabel = "N", defaultValue = "20", description = "Ground truth is N x N (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rank", paramLabel = "R", defaultValue = "3", description = "Ground-truth rank (default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--m", paramLabel = "M", defaultValue = "200", description = "Observed entries (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--scales", split = ",", paramLabel = "S", defaultValue = "1e-2,1e-4,1e-8,1e-12,1e-16",
            description = "Gradient-descent init scales (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "1e-8", description = "GLRL's scale of each new direction (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1", description = "Gradient-descent learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--loss", paramLabel = "L", defaultValue = "1e-6", description = "Stop at this train loss (default: ${DEFAULT-VALUE}).")
    double loss;

    @Option(names = "--max-iterations", paramLabel = "T", defaultValue = "300000",
            description = "Cap of each gradient-descent run and of each GLRL phase (default: ${DEFAULT-VALUE}).")
    long maxIterations;

    @Option(names = "--log-every", paramLabel = "K", defaultValue = "50", description = "Record every K iterations (default: ${DEFAULT-VALUE}).")
    long logEvery;

    @Override
    public Integer call() throws IOException {
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        GlrlExperiment e = new GlrlExperiment(size, rank, m, scales, epsilon, lr, maxIterations, loss, logEvery,
                common.seed);
        try {
            e.validate();
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(common.spec.commandLine(), ex.getMessage());
        }
        PrintWriter out = common.spec.commandLine().getOut();
        Files.createDirectories(common.out);
        out.printf(Locale.ROOT, "reproduce glrl: %d x %d, rank %d, m %d; GLRL epsilon %s vs depth-2 GD from gaussian "
                + "init s in %s; lr %s, stop at loss %s, seed %d; output in %s%n", size, size, rank, m, epsilon, scales,
                lr, loss, common.seed, common.out);
        out.flush();
        ProgressBar.Timed<GlrlExperiment.Outcome> timed = ProgressBar.run(mode, "glrl",
                common.spec.commandLine().getErr(), bar -> e.execute(threads, bar, ProgressCallback.NONE));
        GlrlExperiment.Outcome o = timed.value();
        Path csv = common.out.resolve("glrl-trajectories.csv");
        writeCsv(csv, o);
        writeCharts(o);
        printSummary(out, o);
        out.printf(Locale.ROOT, "%nWrote %s and 3 PNG chart(s) in %s; %d runs took %s on %d thread(s).%n",
                csv.getFileName(), common.out, 1 + scales.size(), Format.clock(timed.seconds()), threads);
        out.flush();
        return 0;
    }

    private void writeCsv(Path file, GlrlExperiment.Outcome o) throws IOException {
        List<String> header = new ArrayList<>(List.of("experiment", "method", "init_scale", "iteration", "glrl_rank",
                "train_loss", "reconstruction_error", "numerical_rank"));
        for (int i = 1; i <= SIGMAS; i++) {
            header.add("sigma_" + i);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (GreedyLowRank.Point p : o.greedy().points()) {
                List<Object> row = new ArrayList<>(List.of("glrl", "glrl", "", p.iteration(), p.rank(),
                        num(p.trainLoss()), num(p.reconstructionError()), p.numericalRank()));
                addSigmas(row, p.topSingularValues());
                csv.printRecord(row);
            }
            for (int i = 0; i < scales.size(); i++) {
                for (HistoryRecord h : o.descent().get(i).history()) {
                    List<Object> row = new ArrayList<>(List.of("glrl", "gd", num(scales.get(i)), h.iteration(), "",
                            num(h.trainLoss()), num(h.reconstructionError()), h.numericalRank()));
                    addSigmas(row, h.topSingularValues());
                    csv.printRecord(row);
                }
            }
        }
    }

    private static void addSigmas(List<Object> row, double[] s) {
        for (int i = 0; i < SIGMAS; i++) {
            row.add(i < s.length ? num(s[i]) : "");
        }
    }

    private void writeCharts(GlrlExperiment.Outcome o) throws IOException {
        List<Charts.Trace> loss = new ArrayList<>();
        List<GreedyLowRank.Point> g = o.greedy().points();
        double[] gx = new double[g.size()];
        double[] gy = new double[g.size()];
        for (int i = 0; i < gx.length; i++) {
            gx[i] = g.get(i).iteration();
            gy[i] = g.get(i).trainLoss();
        }
        loss.add(new Charts.Trace("GLRL eps = " + epsilon, gx, gy));
        for (int i = 0; i < scales.size(); i++) {
            List<HistoryRecord> h = o.descent().get(i).history();
            double[] x = new double[h.size()];
            double[] y = new double[h.size()];
            for (int t = 0; t < x.length; t++) {
                x[t] = h.get(t).iteration();
                y[t] = h.get(t).trainLoss();
            }
            loss.add(new Charts.Trace("GD s = " + scales.get(i), x, y));
        }
        Charts.xyChart(common.out.resolve("glrl-loss.png").toFile(), "train loss: GLRL vs depth-2 GD (lr " + lr + ")",
                "iteration", "train loss", loss, false, false, true);
        List<Charts.Trace> sigmas = new ArrayList<>();
        for (int k = 0; k < SIGMAS; k++) {
            double[] y = new double[g.size()];
            for (int i = 0; i < y.length; i++) {
                double[] s = g.get(i).topSingularValues();
                y[i] = k < s.length ? s[k] : Double.NaN;
            }
            sigmas.add(new Charts.Trace("\u03c3" + (k + 1), gx, y));
        }
        Charts.xyChart(common.out.resolve("glrl-sigma1-5.png").toFile(), "GLRL: singular values against iteration",
                "iteration", "singular value", sigmas, false, false, true);
        double[] s = new double[scales.size()];
        double[] dist = new double[s.length];
        double[] err = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scales.get(i);
            dist[i] = o.distance(i);
            err[i] = o.descent().get(i).last().reconstructionError();
        }
        Charts.xyChart(common.out.resolve("glrl-distance.png").toFile(), "depth-2 GD against GLRL as the init shrinks",
                "init scale s", "value", List.of(new Charts.Trace("||W_gd - W_glrl||_F / ||W_glrl||_F", s, dist),
                        new Charts.Trace("GD reconstruction error", s, err)), true, true, true);
    }

    private void printSummary(PrintWriter out, GlrlExperiment.Outcome o) {
        out.println();
        out.printf(Locale.ROOT, "GLRL phases: %-6s %10s %12s %12s%n", "rank", "iterations", "train loss", "error");
        for (GreedyLowRank.Phase p : o.greedy().phases()) {
            out.printf(Locale.ROOT, "             %-6d %10d %12.4e %12.4e%n", p.rank(), p.iterations(), p.trainLoss(),
                    p.reconstructionError());
        }
        GreedyLowRank.Phase lastPhase = o.greedy().phases().get(o.greedy().phases().size() - 1);
        out.printf(Locale.ROOT, "%nGD depth 2: %-8s %10s %-14s %12s %12s %14s%n", "s", "iterations", "stopped",
                "train loss", "error", "dist to GLRL");
        for (int i = 0; i < scales.size(); i++) {
            TrainingResult r = o.descent().get(i);
            out.printf(Locale.ROOT, "            %-8s %10d %-14s %12.4e %12.4e %14.4e%n", Format.shortest(scales.get(i)), r.iterations(),
                    r.stopReason().id(), r.last().trainLoss(), r.last().reconstructionError(), o.distance(i));
        }
        int last = scales.size() - 1;
        out.printf(Locale.ROOT, "headline: GLRL reaches error %.3g at rank %d in %d phases; depth-2 GD's distance to "
                + "its solution falls from %.3g (s = %s) to %.3g (s = %s), its error from %.3g to %.3g%n",
                lastPhase.reconstructionError(), lastPhase.rank(), o.greedy().phases().size(), o.distance(0),
                Format.shortest(scales.get(0)), o.distance(last), Format.shortest(scales.get(last)), o.descent().get(0).last().reconstructionError(),
                o.descent().get(last).last().reconstructionError());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
