package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import org.deepfact.cli.ProgressOptions;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.deepfact.engine.experiment.GridText;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.PaperReference;
import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.RunSpec;
import org.deepfact.engine.experiment.Shard;
import org.deepfact.engine.experiment.SweepSummary;
import org.deepfact.engine.experiment.SweepSummary.Group;
import org.deepfact.engine.experiment.SweepSummary.Key;
import org.deepfact.engine.experiment.Stats;
import org.deepfact.engine.experiment.SweepGrid;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Shared body of {@code reproduce completion} and {@code reproduce sensing}: builds the grid
 * (a preset, overridden option by option), runs it on {@link RecoverySweep}, writes the per-run
 * CSV, a per-group summary CSV and the PNG charts, and prints the summary table.
 */
abstract class SweepCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--quick", description = "Reduced grid (see the description above) instead of the paper's.")
    boolean quick;

    @Option(names = "--size", paramLabel = "N", description = "Ground truth is N x N (default: 100).")
    Integer size;

    @Option(names = "--rank", paramLabel = "R", description = "Ground-truth rank (default: 5).")
    Integer rank;

    @Option(names = "--m", split = ",", paramLabel = "M", description = "Numbers of observations, comma-separated.")
    List<Integer> ms;

    @Option(names = "--depths", split = ",", paramLabel = "N", description = "Depths, comma-separated (1 fits W directly).")
    List<Integer> depths;

    @Option(names = "--scales", split = ",", paramLabel = "S", description = "Gaussian init scales, comma-separated.")
    List<Double> scales;

    @Option(names = "--lrs", split = ",", paramLabel = "LR", description = "GroupRMSprop learning rates, comma-separated.")
    List<Double> lrs;

    @Option(names = "--repeats", paramLabel = "K",
            description = "Repeats: new random initialisations of one ground truth and sample per m (the authors' "
                    + "protocol), or also new data with --vary-data.")
    Integer repeats;

    @Option(names = "--vary-data", description = "Every repeat also draws its own ground truth and observations "
            + "(default: fixed per m and seed as the authors'; the CSV's repeats_vary column says which).")
    boolean varyData;

    @Option(names = "--max-iterations", paramLabel = "T", description = "Iteration cap per run (paper: 1000000).")
    Long maxIterations;

    @Option(names = "--noise-std", paramLabel = "SIGMA", defaultValue = "0",
            description = "Standard deviation of i.i.d. Gaussian noise on the observed values (completion) or the "
                    + "measurements (sensing), one draw per data set from the seed (default ${DEFAULT-VALUE}: exact, "
                    + "the paper's). Errors stay against the clean ground truth; the CSVs' held_out_error, "
                    + "best_held_out_error and best_held_out_iteration show where early stopping would stop.")
    double noiseStd;

    @Option(names = "--nuclear-epsilon", paramLabel = "EPS",
            description = "Constraint slack of the minimum-nuclear-norm baseline, |X_ij - y_ij| <= EPS (sensing: "
                    + "|<A_i, X> - y_i| <= EPS) (paper: 1e-3). With --noise-std, 1e-3 makes it fit the noise almost "
                    + "exactly; a larger slack shrinks the solution instead (see docs/reproduce.md).")
    Double nuclearEpsilon;

    @Option(names = "--no-nuclear", description = "Leave out the minimum-nuclear-norm baseline.")
    boolean noNuclear;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only the K-th of N disjoint parts of the grid "
            + "(K = 1 .. N; run i goes to part i mod N + 1) and write <experiment>-shard-K-of-N.txt and "
            + "<experiment>-shard-K-of-N-runs.csv; join all N with 'reproduce merge DIR...'. In a SLURM array "
            + "job (--array=1-8): --shard $SLURM_ARRAY_TASK_ID/8.")
    String shard;

    /** Local threads by default; the Spark application sets its own (see {@link ReproduceFactory}). */
    SweepExecutor executor = SweepExecutor.LOCAL;

    private final Problem problem;

    SweepCommand(Problem problem) {
        this.problem = problem;
    }

    /** The --quick grid, derived from the paper's with {@link #reduced}. */
    abstract SweepGrid quick(SweepGrid paper);

    /**
     * The paper's protocol (init, optimizer, loss threshold, nuclear-norm slack, seed) on an
     * n x n rank-r problem with one m: depths 1, 2, 3 and the baseline, lr 1e-3, one repeat,
     * capped at 100 000 iterations.
     */
    static SweepGrid reduced(SweepGrid paper, int n, int rank, int m, List<Double> scales) {
        return new SweepGrid(paper.problem(), n, n, rank, List.of(m), List.of(1, 2, 3), true, scales, List.of(1e-3), 1,
                paper.init(), paper.optimizer(), 100_000, paper.lossThreshold(), paper.nuclearEpsilon(), paper.seed());
    }

    SweepGrid grid() {
        SweepGrid paper = SweepGrid.paper(problem, common.seed);
        SweepGrid p = quick ? quick(paper) : paper;
        int n = size != null ? size : p.rows();
        SweepGrid g = new SweepGrid(p.problem(), n, n, rank != null ? rank : p.rank(), ms != null ? ms : p.ms(),
                depths != null ? depths : p.depths(), p.nuclear() && !noNuclear, scales != null ? scales : p.initScales(),
                lrs != null ? lrs : p.learningRates(), repeats != null ? repeats : p.repeats(), p.init(), p.optimizer(),
                maxIterations != null ? maxIterations : p.maxIterations(), p.lossThreshold(),
                nuclearEpsilon != null ? nuclearEpsilon : p.nuclearEpsilon(), p.seed(), varyData, noiseStd);
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new ParameterException(common.spec.commandLine(), "--noise-std must be finite and >= 0, got "
                    + noiseStd);
        }
        if (nuclearEpsilon != null && (!(nuclearEpsilon >= 0) || Double.isInfinite(nuclearEpsilon))) {
            throw new ParameterException(common.spec.commandLine(), "--nuclear-epsilon must be finite and >= 0, got "
                    + nuclearEpsilon);
        }
        try {
            g.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), e.getMessage());
        }
        return g;
    }

    /** @return the --shard part, {@link Shard#ALL} without it */
    Shard shard() {
        try {
            return shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.spec.commandLine(), "--shard: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        SweepGrid grid = grid();
        Shard part = shard();
        int threads = common.threads();
        ProgressOptions.Mode mode = common.progressMode();
        PrintWriter out = common.spec.commandLine().getOut();
        Files.createDirectories(common.out);
        String id = grid.problem().id();
        List<RunSpec> runs = part.select(grid.runs());
        out.printf(Locale.ROOT, "reproduce %s%s: %d x %d, rank %d, m %s, depths %s%s, init scales %s, lr %s, %d repeat(s)%s, "
                + "%s init, %s, loss threshold %s, cap %d iterations, seed %d%s%n", id, quick ? " --quick" : "",
                grid.rows(), grid.cols(), grid.rank(), grid.ms(), grid.depths(),
                grid.nuclear() ? " + min nuclear norm (eps " + Format.sci(grid.nuclearEpsilon()) + ")" : "",
                Format.sciList(grid.initScales()), Format.sciList(grid.learningRates()), grid.repeats(),
                grid.repeats() < 2 ? "" : grid.varyData() ? " (new data and init each)" : " (new init each, data fixed)",
                grid.init().id(), grid.optimizer().id(),
                Format.sci(grid.lossThreshold()), grid.maxIterations(), grid.seed(),
                grid.noiseStd() > 0 ? ", noise std " + Format.sci(grid.noiseStd()) : "");
        String shardNote = shard == null ? "" : "shard " + part + ": " + runs.size() + " of " + grid.runs().size() + " ";
        out.printf(Locale.ROOT, "%s%d runs on %s; output in %s%n", shardNote, runs.size(), executor.where(threads),
                common.out);
        out.flush();
        ProgressBar.Timed<List<RunResult>> timed = ProgressBar.run(mode, id, common.spec.commandLine().getErr(),
                bar -> executor.execute(grid, part, threads, bar));
        List<RunResult> results = timed.value();
        if (shard != null) {
            Path file = ShardFiles.write(common.out, grid, part, results);
            out.printf(Locale.ROOT, "Wrote shard %s (%d runs, grid %s) to %s; %d runs took %s on %s. When all %d "
                    + "shards are done: deepfact reproduce merge DIR...%n", part, runs.size(),
                    GridText.fingerprint(grid), file, runs.size(), Format.clock(timed.seconds()),
                    executor.where(threads), part.count());
            out.flush();
            return 0;
        }
        SweepOutput.Written w = SweepOutput.write(common.out, grid, results, out);
        out.printf(Locale.ROOT, "%nWrote %s (one row per run), %s and %d PNG chart(s) in %s; %d runs took %s on "
                + "%s.%n", w.runsCsv().getFileName(), w.summaryCsv().getFileName(), w.charts().size(), common.out,
                runs.size(), Format.clock(timed.seconds()), executor.where(threads));
        out.flush();
        return 0;
    }

    /** One PNG per m and metric in {@code dir}: mean with std bars against s, one curve per depth (and lr). */
    static List<Path> charts(Path dir, SweepGrid grid, List<Group> groups, SweepSummary.Truth truth)
            throws IOException {
        List<Path> files = new ArrayList<>();
        String id = grid.problem().id();
        String[] metrics = {"reconstruction_error", "nuclear_norm", "effective_rank"};
        String[] labels = {"reconstruction error (mean over all entries)", "nuclear norm", "effective rank"};
        boolean manyLrs = grid.learningRates().size() > 1;
        List<Integer> depthOrder = grid.depths();
        for (int m : grid.ms()) {
            for (int q = 0; q < metrics.length; q++) {
                List<Charts.Curve> curves = new ArrayList<>();
                Map<String, List<Group>> byCurve = new LinkedHashMap<>();
                Group baseline = null;
                for (Group g : groups) {
                    if (g.key().m() != m) {
                        continue;
                    }
                    if (g.key().nuclear()) {
                        baseline = g;
                        continue;
                    }
                    String name = "depth " + g.key().depth() + (manyLrs ? ", lr " + Format.sci(g.key().lr()) : "");
                    byCurve.computeIfAbsent(name, k -> new ArrayList<>()).add(g);
                }
                for (Map.Entry<String, List<Group>> c : byCurve.entrySet()) {
                    List<Group> pts = new ArrayList<>(c.getValue());
                    pts.sort((a, b) -> Double.compare(a.key().scale(), b.key().scale()));
                    int n = pts.size();
                    double[] x = new double[n];
                    double[] y = new double[n];
                    double[] lo = new double[n];
                    double[] hi = new double[n];
                    for (int i = 0; i < n; i++) {
                        Stats s = metric(pts.get(i), q);
                        x[i] = pts.get(i).key().scale();
                        y[i] = s.mean();
                        lo[i] = s.lowerBarPositive();
                        hi[i] = s.mean() + s.std();
                    }
                    Key first = pts.get(0).key();
                    curves.add(new Charts.Curve(c.getKey(), x, y, lo, hi, Math.max(0, depthOrder.indexOf(first.depth())),
                            Math.max(0, grid.learningRates().indexOf(first.lr()))));
                }
                List<Charts.Marker> refs = new ArrayList<>();
                List<Charts.Line> lines = new ArrayList<>();
                for (PaperReference r : references(grid)) {
                    if (r.experiment().equals(id) && r.m() == m && r.metric().equals(metrics[q])) {
                        if (r.method().equals("nuclear")) {
                            lines.add(new Charts.Line("notebook: min nuclear norm " + r.describe(), r.value(),
                                    Charts.faint(Color.BLACK)));
                        } else if (depthOrder.contains(r.depth())) {
                            refs.add(new Charts.Marker(r.initScale(), r.value(), depthOrder.indexOf(r.depth())));
                        }
                    }
                }
                if (baseline != null) {
                    lines.add(new Charts.Line(String.format(Locale.ROOT, "min nuclear norm (%.3g)",
                            metric(baseline, q).mean()), metric(baseline, q).mean(), Color.BLACK));
                }
                if (q > 0) {
                    double v = q == 1 ? truth.nuclearNorm() : truth.effectiveRank();
                    lines.add(new Charts.Line(String.format(Locale.ROOT, "ground truth (%.3g)", v), v,
                            new Color(0x888888)));
                }
                Path file = dir.resolve(id + "-m" + m + "-" + metrics[q] + ".png");
                String title = String.format(Locale.ROOT, "%s, %d x %d rank %d, m = %d: %s", id, grid.rows(),
                        grid.cols(), grid.rank(), m, labels[q].replaceAll(" \\(.*", ""));
                // log y for the error (it spans orders of magnitude); nuclear norm and effective rank are
                // linear unless they span more than a factor 4 (see Charts.errorBarChart)
                Charts.errorBarChart(file.toFile(), title, "initialization scale s", labels[q], q == 0, curves, lines,
                        refs);
                files.add(file);
            }
        }
        return files;
    }

    private static Stats metric(Group g, int q) {
        return q == 0 ? g.error() : q == 1 ? g.nuclearNorm() : g.effectiveRank();
    }

    static void printSummary(PrintWriter out, SweepGrid grid, List<Group> groups, SweepSummary.Truth truth) {
        // With noise the held-out columns come first after the stop: where early stopping would stop.
        boolean noisy = grid.noiseStd() > 0;
        out.println();
        out.printf(Locale.ROOT, "%-6s %-8s %5s %8s %8s %4s  %-21s %-16s %-14s %10s  %s%s%n", "m", "method", "depth", "lr",
                "s", "runs", "error mean (std)", "nuclear norm", "eff. rank", "iterations", noisy ? "stopped  " : "stopped",
                noisy ? String.format(Locale.ROOT, "  | %-21s %-21s %s", "held-out at end", "best held-out",
                        "at iteration") : "");
        for (Group g : groups) {
            Key k = g.key();
            String stop = g.converged() == g.runs() ? "converged"
                    : g.converged() + "/" + g.runs() + " converged" + stopNote(g);
            String early = !noisy ? "" : String.format(Locale.ROOT, "  | %-21s %-21s %s", meanStd(g.heldOutError(), true),
                    k.nuclear() ? "-" : meanStd(g.bestHeldOutError(), true), k.nuclear() || g.bestHeldOutIteration()
                            .n() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", g.bestHeldOutIteration().mean()));
            out.printf(Locale.ROOT, "%-6d %-8s %5s %8s %8s %4d  %-21s %-16s %-14s %10.0f  %-9s%s%n", k.m(), k.method(),
                    k.nuclear() ? "-" : Integer.toString(k.depth()), k.nuclear() ? "-" : Format.sci(k.lr()),
                    k.nuclear() ? "-" : Format.sci(k.scale()), g.runs(), meanStd(g.error(), true),
                    meanStd(g.nuclearNorm(), false), meanStd(g.effectiveRank(), false), g.iterations().mean(), stop,
                    early);
        }
        out.printf(Locale.ROOT, "ground truth: nuclear norm %.2f, effective rank %.2f (mean over repeats)%n",
                truth.nuclearNorm(), truth.effectiveRank());
        for (String line : headlines(grid, groups)) {
            out.println(line);
        }
        List<String> refs = references(grid, groups);
        if (grid.noiseStd() > 0) {
            out.println("(no notebook values beside ours: the authors' data were exact, these are noisy)");
        }
        if (!refs.isEmpty()) {
            out.println("beside the authors' notebook (plot.ipynb, docs/paper-reference.csv; one data set each, the "
                    + "paper itself has only plots):");
            refs.forEach(out::println);
        }
    }

    /** @return the notebook's values that apply to the grid: none with noise (the authors' data were exact) */
    private static List<PaperReference> references(SweepGrid grid) {
        return grid.noiseStd() > 0 ? List.of() : PaperReference.all();
    }

    /** Our group means beside the values quoted in {@link PaperReference}, for the groups that have one. */
    static List<String> references(SweepGrid grid, List<Group> groups) {
        List<String> lines = new ArrayList<>();
        if (grid.noiseStd() > 0) {
            return lines;
        }
        String[] metrics = {"reconstruction_error", "nuclear_norm", "effective_rank"};
        for (Group g : groups) {
            Key k = g.key();
            for (int q = 0; q < metrics.length; q++) {
                PaperReference r = PaperReference.find(grid.problem().id(), k.m(), k.nuclear(), k.depth(), k.scale(),
                        metrics[q]);
                if (r == null) {
                    continue;
                }
                Stats ours = metric(g, q);
                lines.add(String.format(Locale.ROOT, "  m = %d %s: %s ours %s, notebook %s", k.m(),
                        k.nuclear() ? "min nuclear norm" : "depth " + k.depth() + " s = " + Format.sci(k.scale()) + " lr = "
                                + Format.sci(k.lr()), metrics[q].replace('_', ' '),
                        q == 0 ? Format.sci(ours.mean()) : String.format(Locale.ROOT, "%.2f", ours.mean()), r.describe()));
            }
        }
        return lines;
    }

    private static String stopNote(Group g) {
        return (g.capped() > 0 ? ", others hit the iteration cap" : "") + (g.diverged() > 0 ? ", some diverged" : "");
    }

    /**
     * The paper's headline per m, at the grid's first init scale and learning rate: how many
     * times smaller the best depth &gt;= 3 error is than depth 2's and the baseline's.
     */
    static List<String> headlines(SweepGrid grid, List<Group> groups) {
        List<String> lines = new ArrayList<>();
        for (SweepSummary.Headline h : SweepSummary.headlines(grid, groups)) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "headline m = %d (s = %s, lr = %s): depth %d error %s", h.m(), Format.sci(h.scale()), Format.sci(h.lr()),
                    h.deep().key().depth(), Format.sci(h.deep().error().mean())));
            if (h.depth2() != null) {
                b.append(ratio(" vs depth 2 ", h, h.depth2()));
            }
            if (h.nuclear() != null) {
                b.append(ratio(" vs min nuclear norm ", h, h.nuclear()));
            }
            lines.add(b.toString());
        }
        return lines;
    }

    private static String ratio(String label, SweepSummary.Headline h, Group other) {
        double r = h.ratio(other);
        return label + Format.sci(other.error().mean()) + (r >= 1 ? String.format(Locale.ROOT, " (%.0fx lower)", r)
                : String.format(Locale.ROOT, " (%.2gx: NOT lower)", r));
    }

    private static String meanStd(Stats s, boolean scientific) {
        if (s.n() == 0) {
            return "NaN";
        }
        String mean = scientific ? Format.sci(s.mean()) : String.format(Locale.ROOT, "%.2f", s.mean());
        if (s.n() == 1) {
            return mean;
        }
        return mean + " (" + (scientific ? Format.sci(s.std()) : String.format(Locale.ROOT, "%.2f", s.std())) + ")";
    }
}
