package org.deepfact.cli.reproduce;

import org.deepfact.cli.ProgressOptions;
import org.deepfact.cli.Format;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.tensor.CpHistoryRecord;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.engine.tensor.TensorSweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code reproduce tensor}: tensor completion by CP factorization (Razin, Maman, Cohen, ICML 2021). */
@Command(name = "tensor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Razin, Maman, Cohen, 'Implicit Regularization in Tensor Factorization' (ICML 2021): gradient descent "
                + "on a CP factorization with small initialisation learns its components one after another and ends "
                + "at low tensor rank. Fits CP factorizations (R components, every factor entry N(0, s^2), "
                + "GroupRMSprop lr 1e-2, eps 1e-6, stop at train loss 1e-8) to m uniformly sampled entries of a "
                + "random rank-r tensor of Frobenius norm 1, for every m and init scale s, and completes the same "
                + "entries as a matrix (the unfolding: modes 1..ceil(N/2) x the rest) by minimum nuclear norm and "
                + "deep matrix factorization.",
            "",
            "Default grid (about a minute on 2 cores): 8 x 8 x 8, rank 3, R = 64 (the maximal rank bound), "
                + "m in {100, 200, 300, 500}, s in {5e-2, 1e-2, 1e-3}, cap 20000 iterations. --full: the paper's "
                + "10 x 10 x 10 x 10, rank 5, R = 1000, m in {1000, 2000, 3000, 5000}, s in {5e-2, 1e-2, 5e-3}, "
                + "cap 50000 (at most about half an hour, extrapolated).",
            "",
            "Writes to --out: tensor-runs.csv (one row per run), tensor-dynamics.csv (component norms over time of "
                + "every CP run), tensor-reconstruction_error.png and tensor-tensor_rank.png (against m), "
                + "tensor-dynamics-m<M>-s<S>.png (the top component norms against iteration at the headline m). "
                + "--bench instead times iterations per second at the paper's size against bench/cp_numpy.py.",
            ""})
public final class TensorCommand implements Callable<Integer> {

    static final int NORMS = 10;

    @Mixin
    CommonOptions common;

    @Option(names = "--full", description = "The paper's grid (see above) instead of the default one.")
    boolean full;

    @Option(names = "--dims", paramLabel = "D1xD2x..", description = "Tensor shape, e.g. 6x6x6x6 (default: 8x8x8; --full 10x10x10x10).")
    String dims;

    @Option(names = "--rank", paramLabel = "R", description = "Ground-truth tensor rank (default: 3; --full 5).")
    Integer rank;

    @Option(names = "--m", split = ",", paramLabel = "M", description = "Observed entries, comma-separated.")
    List<Integer> ms;

    @Option(names = "--init-stds", split = ",", paramLabel = "S", description = "Init standard deviations s, comma-separated.")
    List<Double> stds;

    @Option(names = "--components", paramLabel = "R", description = "CP components (default: the maximal rank bound, product of all dimensions but the largest).")
    Integer components;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "grouprmsprop", description = "gd, adam or grouprmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-2", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--max-iterations", paramLabel = "T", description = "Iteration cap (default: 20000; --full 50000).")
    Long maxIterations;

    @Option(names = "--log-every", paramLabel = "K", defaultValue = "25", description = "Record every K iterations (default: ${DEFAULT-VALUE}, the authors').")
    long logEvery;

    @Option(names = "--unfolded-depths", split = ",", paramLabel = "N", defaultValue = "3",
            description = "Depths of deep matrix factorization on the unfolding; 0 for none (default: ${DEFAULT-VALUE}).")
    List<Integer> unfoldedDepths;

    @Option(names = "--no-nuclear", description = "Skip the minimum-nuclear-norm baseline on the unfolding.")
    boolean noNuclear;

    @Option(names = "--headline-m", paramLabel = "M", description = "m of the headline and the dynamics charts (default: the middle of --m).")
    Integer headlineM;

    @Option(names = "--bench", description = "Time CP iterations per second at --dims/--components/--m (default: the paper's size) "
            + "for 1 and 2 threads against bench/cp_numpy.py run in the same command, then exit.")
    boolean bench;

    @Option(names = "--bench-seconds", paramLabel = "S", defaultValue = "3", description = "Seconds per timed measurement with --bench (default: ${DEFAULT-VALUE}).")
    double benchSeconds;

    @Option(names = "--numpy-script", paramLabel = "FILE", description = "The numpy reference for --bench (default: bench/cp_numpy.py of the checkout).")
    Path numpyScript;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = common.spec.commandLine().getOut();
        if (bench) {
            int[] d = parseDims(dims == null ? "10x10x10x10" : dims);
            int r = components == null ? TensorShape.of(d).maxRank() : components;
            int m = ms == null ? 2000 : ms.get(0);
            return TensorBench.run(out, d, r, m, benchSeconds, numpyScript);
        }
        TensorSweep sweep;
        try {
            sweep = new TensorSweep(grid());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), e.getMessage());
        }
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        TensorSweep.Grid g = sweep.grid();
        TensorShape shape = TensorShape.of(g.dims());
        int hm = headlineM != null ? headlineM : g.ms().get(g.ms().size() / 2);
        if (!g.ms().contains(hm)) {
            throw new ParameterException(common.spec.commandLine(), "--headline-m " + hm + " is not one of --m " + g.ms());
        }
        Files.createDirectories(common.out);
        int runs = sweep.runs().size();
        out.printf(Locale.ROOT, "reproduce tensor%s: %s, rank %d (Frobenius norm 1), R = %d, m %s, init std %s, %s lr %s, "
                + "stop at loss %s or %d iterations; unfolding %d x %d: %s; seed %d%n", full ? " --full" : "", shape,
                g.rank(), g.components() == 0 ? shape.maxRank() : g.components(), g.ms(), Format.sciList(g.initStds()),
                optimizer, lr, Format.sci(g.lossThreshold()), g.maxIterations(), rowsOf(shape), shape.size() / rowsOf(shape),
                baselines(g), common.seed);
        out.printf(Locale.ROOT, "%d runs on %d thread(s); output in %s%n", runs, threads, common.out);
        out.flush();
        ProgressBar.Timed<List<TensorSweep.Outcome>> timed = ProgressBar.run(mode, "tensor",
                common.spec.commandLine().getErr(), bar -> sweep.execute(threads, bar, ProgressCallback.NONE));
        List<TensorSweep.Outcome> results = timed.value();
        Path runsCsv = common.out.resolve("tensor-runs.csv");
        Path dynCsv = common.out.resolve("tensor-dynamics.csv");
        writeRuns(runsCsv, g, results);
        writeDynamics(dynCsv, results);
        int charts = TensorCharts.write(common.out, sweep, results, hm);
        TensorSummary.print(out, sweep, results, hm);
        out.printf(Locale.ROOT, "%nWrote %s, %s and %d PNG chart(s) in %s; %d runs took %s on %d thread(s).%n",
                runsCsv.getFileName(), dynCsv.getFileName(), charts, common.out, runs, Format.clock(timed.seconds()),
                threads);
        out.flush();
        return 0;
    }

    private TensorSweep.Grid grid() {
        int[] d = parseDims(dims != null ? dims : full ? "10x10x10x10" : "8x8x8");
        int r = rank != null ? rank : full ? 5 : 3;
        List<Integer> m = ms != null ? ms : full ? List.of(1000, 2000, 3000, 5000) : List.of(100, 200, 300, 500);
        List<Double> s = stds != null ? stds : full ? List.of(5e-2, 1e-2, 5e-3) : List.of(5e-2, 1e-2, 1e-3);
        long cap = maxIterations != null ? maxIterations : full ? 50_000 : 20_000;
        List<Integer> depths = unfoldedDepths.stream().filter(x -> x != 0).toList();
        OptimizerKind kind;
        try {
            kind = OptimizerKind.parse(optimizer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), "--optimizer: " + e.getMessage());
        }
        return new TensorSweep.Grid(d, r, m, s, components == null ? 0 : components, kind, lr, cap, 1e-8, logEvery,
                !noNuclear, depths, common.seed);
    }

    private int[] parseDims(String text) {
        try {
            int[] d = Arrays.stream(text.trim().split("[xX*,]")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
            TensorShape.of(d);
            return d;
        } catch (NumberFormatException e) {
            throw new ParameterException(common.spec.commandLine(), "--dims must look like 8x8x8, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), "--dims: " + e.getMessage());
        }
    }

    private static int rowsOf(TensorShape shape) {
        int rows = 1;
        for (int n = 0; n < (shape.order() + 1) / 2; n++) {
            rows *= shape.dim(n);
        }
        return rows;
    }

    private static String baselines(TensorSweep.Grid g) {
        List<String> b = new ArrayList<>();
        if (g.nuclear()) {
            b.add("min nuclear norm");
        }
        for (int d : g.unfoldedDepths()) {
            b.add("depth-" + d + " matrix factorization");
        }
        return b.isEmpty() ? "no baseline" : String.join(" and ", b);
    }

    /** Columns of tensor-runs.csv, a contract: only ever extended at the end. */
    static final List<String> RUN_COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("experiment", "dims", "order", "rank", "m", "method", "components",
                "depth", "init_std", "optimizer", "lr", "truth_seed", "sample_seed", "seed", "iterations", "stop_reason",
                "train_loss", "reconstruction_error", "unobserved_error", "tensor_rank", "seconds"));
        for (int i = 1; i <= NORMS; i++) {
            c.add("component_norm_" + i);
        }
        RUN_COLUMNS = List.copyOf(c);
    }

    private void writeRuns(Path file, TensorSweep.Grid g, List<TensorSweep.Outcome> results) throws IOException {
        TensorShape shape = TensorShape.of(g.dims());
        String dimsText = shape.toString().replace(" ", "");
        int r = g.components() == 0 ? shape.maxRank() : g.components();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(RUN_COLUMNS.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (TensorSweep.Outcome o : results) {
                TensorSweep.Run run = o.run();
                boolean cp = run.method().equals("cp");
                boolean dmf = run.method().equals("unfolded_dmf");
                List<Object> row = new ArrayList<>(List.of("tensor", dimsText, shape.order(), g.rank(), run.m(), run.method(),
                        cp ? Integer.toString(r) : "", dmf ? Integer.toString(run.depth()) : "",
                        cp ? RunTable.num(run.initStd()) : "", cp ? g.optimizer().name().toLowerCase(Locale.ROOT).replace("_", "") : dmf ? "grouprmsprop" : "",
                        cp ? RunTable.num(lr) : dmf ? "0.001" : "", run.truthSeed(), run.sampleSeed(),
                        cp || dmf ? Long.toString(run.seed()) : "", o.iterations(), o.stopReason(),
                        RunTable.num(o.trainLoss()), RunTable.num(o.reconstructionError()),
                        RunTable.num(o.unobservedError()), cp ? Integer.toString(o.tensorRank()) : "",
                        String.format(Locale.ROOT, "%.3f", o.seconds())));
                double[] norms = o.topComponentNorms();
                for (int i = 0; i < NORMS; i++) {
                    row.add(i < norms.length ? RunTable.num(norms[i]) : "");
                }
                csv.printRecord(row);
            }
        }
    }

    private static void writeDynamics(Path file, List<TensorSweep.Outcome> results) throws IOException {
        List<String> header = new ArrayList<>(List.of("m", "init_std", "iteration", "train_loss", "reconstruction_error",
                "unobserved_error", "tensor_rank"));
        for (int i = 1; i <= NORMS; i++) {
            header.add("component_norm_" + i);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").get())) {
            for (TensorSweep.Outcome o : results) {
                for (CpHistoryRecord h : o.history()) {
                    List<Object> row = new ArrayList<>(List.of(o.run().m(), RunTable.num(o.run().initStd()), h.iteration(),
                            RunTable.num(h.trainLoss()), RunTable.num(h.reconstructionError()),
                            RunTable.num(h.unobservedError()), h.tensorRank()));
                    double[] norms = h.topComponentNorms();
                    for (int i = 0; i < NORMS; i++) {
                        row.add(i < norms.length ? RunTable.num(norms[i]) : "");
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    /** A neutral grey for reference lines. */
    static final Color GREY = new Color(0x888888);
}
