package org.deepfact.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.Kernels;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.bench.Benchmarks;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.data.RecoveryProblem;
import org.ejml.data.DMatrixRMaj;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deepfact bench}: training iterations per second of the completion trainer (paper
 * settings: rank 5, gaussian s = 1e-3, GroupRMSprop lr 1e-3), median over repeats after warm-up,
 * with GFLOP/s from {@link Benchmarks#flopsPerIteration} and, side by side in the same run, the
 * naive dense-gradient path (full W, dense G, explicit prefix/suffix products with EJML) as the
 * baseline. Cases prefixed {@code sensing:} time matrix sensing instead, against the two-pass
 * reference path, and report the bandwidth of reading the A_i. First it prints which kernel runs
 * and the dense product alone (n = 100 and 1000) against EJML's single- and multi-threaded
 * multiply, in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark training iterations per second (median of repeats, after warm-up)"
                + " of completion and, with sensing: cases, of matrix sensing.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", split = ",", paramLabel = "[sensing:]N:M:DEPTH",
            defaultValue = "100:2000:2,100:2000:3,100:2000:4,1000:100000:3",
            description = {"Cases as n:m:depth: completion of an n x n matrix from m observed entries,"
                    + " default ${DEFAULT-VALUE}.",
                    "Prefix sensing: for matrix sensing with m Gaussian measurements (e.g. sensing:100:2000:3,"
                    + " the paper's sensing size); its baseline is the two-pass path (all residuals, then"
                    + " sum_i r_i A_i in a second pass over the A_i) and it reports GB/s of A_i read."})
    String[] cases;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts (default ${DEFAULT-VALUE}).")
    int[] threads;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up repeats, not timed (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "7", description = "Timed repeats; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seconds", defaultValue = "0.5",
            description = "Target seconds per repeat; sets the iterations per repeat (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--baseline-max-n", defaultValue = "300",
            description = "Run the baseline only up to this n (the dense completion baseline costs O(depth n^3)"
                    + " per iteration; default ${DEFAULT-VALUE}).")
    int baselineMaxN;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated problems (default ${DEFAULT-VALUE}).")
    long seed;

    /** A parsed case: n x n, m observations or measurements, depth. */
    private record Case(boolean sensing, int n, int m, int depth) {
    }

    private Case parse(String c) {
        String body = c.trim();
        boolean sensing = body.startsWith("sensing:");
        if (sensing) {
            body = body.substring("sensing:".length());
        }
        String[] p = body.split(":");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            int[] v = {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim())};
            if (v[0] < 5 || v[1] < 1 || v[2] < 1 || (!sensing && (long) v[1] > (long) v[0] * v[0])) {
                throw new ParameterException(spec.commandLine(), "--cases '" + c
                        + (sensing ? "': need n >= 5, m >= 1, depth >= 1" : "': need n >= 5, 1 <= m <= n^2, depth >= 1"));
            }
            return new Case(sensing, v[0], v[1], v[2]);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--cases '" + c
                    + "' is not of the form n:m:depth or sensing:n:m:depth");
        }
    }

    @Override
    public Integer call() {
        if (warmup < 0 || repeats < 1 || !(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, --repeats >= 1, --seconds > 0");
        }
        for (int t : threads) {
            if (t < 1) {
                throw new ParameterException(spec.commandLine(), "--threads values must be >= 1, got " + t);
            }
        }
        Case[] parsed = Arrays.stream(cases).map(this::parse).toArray(Case[]::new);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "deepfact bench: median of %d repeats (~%.2f s each) after %d warm-up; "
                + "%d cores, Java %s%n", repeats, seconds, warmup, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.println("kernel: " + Kernels.describe());
        dense(out);
        boolean anyCompletion = Arrays.stream(parsed).anyMatch(c -> !c.sensing());
        boolean anySensing = Arrays.stream(parsed).anyMatch(Case::sensing);
        if (anyCompletion) {
            out.printf(Locale.ROOT, "%-6s %-7s %-5s %-7s %10s %8s %11s %14s %8s%n", "n", "m", "depth", "threads", "it/s",
                    "GFLOP/s", "cpu it/s*", "baseline it/s", "speedup");
            out.flush();
            for (Case c : parsed) {
                if (!c.sensing()) {
                    completion(out, c);
                }
            }
            out.println("it/s: median wall-clock rate. GFLOP/s = it/s * flops per iteration, flops = 6 m d_(N-1)"
                    + " + 6 n sum_(j=2..N-1) d_j d_(j-1) + 4 per parameter (GroupRMSprop).");
            out.println("* cpu it/s: median rate by the calling thread's CPU time; steadier on a busy machine, but it"
                    + " ignores worker threads' time (only meaningful for 1 thread). Baseline: naive dense gradient"
                    + " (full W, dense G, EJML products), 1 thread.");
        }
        if (anySensing) {
            if (anyCompletion) {
                out.println();
            }
            out.printf(Locale.ROOT, "%-17s %-5s %-7s %10s %8s %9s %11s %14s %8s%n", "sensing n:m", "depth", "threads",
                    "it/s", "ms/it", "A GB/s", "cpu it/s*", "two-pass it/s", "speedup");
            out.flush();
            for (Case c : parsed) {
                if (c.sensing()) {
                    sensing(out, c);
                }
            }
            out.println("Sensing: W is n x n, y_i = <A_i, W*> for m Gaussian A_i (stored when m n^2 <= 2^25 doubles,"
                    + " else regenerated from seeds: 'regen'). A GB/s = it/s * 8 m n^2 bytes (every A_i read once"
                    + " per iteration). Baseline: two-pass path (residuals, then sum_i r_i A_i in a second pass),"
                    + " 1 thread, stored operators only; it computes the same loss, which is checked.");
        }
        return 0;
    }

    /** The dense product alone, GFLOP/s of our kernel against EJML's, for each thread count. */
    private void dense(PrintWriter out) {
        out.printf(Locale.ROOT, "%-6s %-7s %10s %14s %14s%n", "dense", "threads", "ours", "EJML mult", "EJML MT mult");
        out.flush();
        for (int n : new int[] {100, 1000}) {
            double single = denseRate(Benchmarks.DenseImpl.EJML, n, 1);
            for (int t : threads) {
                out.printf(Locale.ROOT, "%-6d %-7d %10.2f %14.2f %14.2f%n", n, t,
                        denseRate(Benchmarks.DenseImpl.OURS, n, t), single,
                        denseRate(Benchmarks.DenseImpl.EJML_MT, n, t));
                out.flush();
            }
        }
        out.println("dense: GFLOP/s of c = a b for n x n (2 n^3 flops), median of the repeats; EJML mult is"
                + " single-threaded, EJML MT mult runs on EJML's global pool set to the thread count.");
        out.println();
    }

    /** Median GFLOP/s of one implementation after warm-up, products per repeat calibrated to --seconds. */
    private double denseRate(Benchmarks.DenseImpl impl, int n, int t) {
        // EJML's MT multiply leaves the calling thread idle: calibrate it by wall time.
        boolean byWall = impl == Benchmarks.DenseImpl.EJML_MT;
        double once = busy(Benchmarks.denseProduct(impl, n, t, 1, seed), byWall);
        int products = (int) Math.max(1, Math.min(1_000_000, seconds / Math.max(once, 1e-7)));
        for (int w = 0; w < warmup; w++) {
            double s = busy(Benchmarks.denseProduct(impl, n, t, products, seed), byWall);
            if (w == 0) {
                products = (int) Math.max(1, Math.min(1_000_000, seconds * products / Math.max(s, 1e-9)));
            }
        }
        double[] rate = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            rate[r] = 2.0 * n * n * n * products / Benchmarks.denseProduct(impl, n, t, products, seed).wallSeconds()
                    * 1e-9;
        }
        return median(rate);
    }

    /**
     * Seconds that calibrate the work per repeat: the calling thread's CPU time where measurable, so
     * that on a busy machine warm-up still gives the JIT enough work (wall time there can be 5x the CPU).
     */
    private static double busy(Benchmarks.Timing t, boolean byWall) {
        double cpu = t.cpuSeconds();
        return !byWall && Double.isFinite(cpu) && cpu > 0 ? cpu : t.wallSeconds();
    }

    private void completion(PrintWriter out, Case c) {
        int n = c.n();
        int m = c.m();
        int depth = c.depth();
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(n, n, Math.min(5, n), seed));
        RecoveryProblem problem = RecoveryProblem.completion(Samplers.uniform(truth, m, seed + 1));
        TrainingConfig base = TrainingConfig.builder().depth(depth).seed(seed + 2).build();
        double flops = Benchmarks.flopsPerIteration(Widths.resolve(n, n, depth, null), m,
                OptimizerKind.GROUP_RMSPROP);
        double baselineRate = Double.NaN;
        if (n <= baselineMaxN) {
            baselineRate = measure(problem, base.toBuilder().threads(1).build(), true)[0];
        }
        for (int t : threads) {
            double[] rates = measure(problem, base.toBuilder().threads(t).build(), false);
            double rate = rates[0];
            out.printf(Locale.ROOT, "%-6d %-7d %-5d %-7d %10.1f %8.2f %11.1f %14s %8s%n", n, m, depth, t, rate,
                    rate * flops * 1e-9, rates[1], Double.isNaN(baselineRate) ? "-" : String.format(Locale.ROOT, "%.1f",
                            baselineRate), Double.isNaN(baselineRate) ? "-" : String.format(Locale.ROOT,
                                    "%.1fx", rate / baselineRate));
            out.flush();
        }
    }

    private void sensing(PrintWriter out, Case c) {
        int n = c.n();
        int m = c.m();
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(n, n, Math.min(5, n), seed));
        SensingOperator op = SensingOperator.gaussian(n, n, m, seed + 1);
        RecoveryProblem problem = RecoveryProblem.sensing(op, op.measure(truth));
        TrainingConfig base = TrainingConfig.builder().depth(c.depth()).seed(seed + 2).build();
        TrainingConfig reference = base.toBuilder().threads(1).build();
        // The two-pass baseline holds every A_i in memory, so it only compares with a stored operator
        // (a regenerated one is slower by design: it trades time for memory).
        double baselineRate = Double.NaN;
        if (op.isStored() && n <= baselineMaxN) {
            // Same computation, or the ratio means nothing: a few iterations of both must give the same loss.
            double fused = Benchmarks.timeIterations(problem, base, 3, false).lastLoss();
            double twoPass = Benchmarks.timeIterations(problem, reference, 3, true).lastLoss();
            if (Double.compare(fused, twoPass) != 0) {
                throw new IllegalStateException("Sensing paths disagree after 3 iterations: loss " + fused
                        + " (fused) vs " + twoPass + " (two-pass)");
            }
            baselineRate = measure(problem, reference, true)[0];
        }
        double bytes = Benchmarks.sensingBytesPerIteration(n, n, m);
        for (int t : threads) {
            double[] rates = measure(problem, base.toBuilder().threads(t).build(), false);
            double rate = rates[0];
            out.printf(Locale.ROOT, "%-17s %-5d %-7d %10.2f %8.2f %9s %11.2f %14s %8s%n", n + ":" + m, c.depth(), t,
                    rate, 1e3 / rate, op.isStored() ? String.format(Locale.ROOT, "%.2f", rate * bytes * 1e-9) : "regen",
                    rates[1], Double.isNaN(baselineRate) ? "-" : String.format(Locale.ROOT, "%.2f", baselineRate),
                    Double.isNaN(baselineRate) ? "-" : String.format(Locale.ROOT, "%.2fx", rate / baselineRate));
            out.flush();
        }
    }

    /** Calibrates iterations per repeat, warms up, returns median it/s by wall clock and by CPU time. */
    private double[] measure(RecoveryProblem problem, TrainingConfig config, boolean reference) {
        double once = busy(Benchmarks.timeIterations(problem, config, 1, reference), false);
        int iterations = (int) Math.max(1, Math.min(1_000_000, seconds / Math.max(once, 1e-7)));
        for (int w = 0; w < warmup; w++) {
            double s = busy(Benchmarks.timeIterations(problem, config, iterations, reference), false);
            if (w == 0) {
                // Recalibrate once the JIT has compiled the loop.
                iterations = (int) Math.max(1, Math.min(1_000_000, seconds * iterations / Math.max(s, 1e-9)));
            }
        }
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            Benchmarks.Timing t = Benchmarks.timeIterations(problem, config, iterations, reference);
            wall[r] = iterations / t.wallSeconds();
            cpu[r] = iterations / t.cpuSeconds();
        }
        return new double[] {median(wall), median(cpu)};
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
