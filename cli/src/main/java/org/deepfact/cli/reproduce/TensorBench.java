package org.deepfact.cli.reproduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.tensor.CpConfig;
import org.deepfact.engine.tensor.CpResult;
import org.deepfact.engine.tensor.CpTrainer;
import org.deepfact.engine.tensor.TensorGroundTruth;
import org.deepfact.engine.tensor.TensorProblem;
import org.deepfact.engine.tensor.TensorSampling;
import org.deepfact.engine.tensor.TensorShape;

/**
 * {@code reproduce tensor --bench}: CP training iterations per second (GroupRMSprop, the paper's
 * settings) against {@code bench/cp_numpy.py} started from here, so both run on the same machine in
 * the same minute. numpy gets the same thread count through OPENBLAS_NUM_THREADS / OMP_NUM_THREADS.
 * Best of three timed stretches each, after a warm-up.
 */
final class TensorBench {

    private TensorBench() {
    }

    static int run(PrintWriter out, int[] dims, int r, int m, double seconds, Path script)
            throws IOException, InterruptedException {
        TensorShape shape = TensorShape.of(dims);
        String dimsText = shape.toString().replace(" ", "");
        TensorGroundTruth truth = TensorGroundTruth.generate(shape, 5, 1.0, 1);
        TensorProblem problem = TensorProblem.completion(TensorSampling.uniform(shape, truth.dense(), m, 2));
        Path py = script != null ? script : locateScript();
        out.printf(Locale.ROOT, "bench: CP factorization of a %s tensor, R = %d, m = %d, GroupRMSprop; best of 3 x %.1f s%n",
                shape, r, m, seconds / 3 > 1 ? seconds / 3 : seconds);
        out.printf(Locale.ROOT, "%-8s %-5s %14s %14s %14s %8s%n", "threads", "clock", "deepfact it/s", "numpy dense",
                "numpy gather", "ratio");
        out.flush();
        for (int threads : new int[] {1, 2}) {
            double[] ours = ours(problem, r, threads, seconds);
            double[] np = numpy(py, dimsText, r, m, seconds, threads);
            for (int clock = 0; clock < (threads == 1 ? 2 : 1); clock++) {
                double best = Math.max(np[clock], np[2 + clock]);
                out.printf(Locale.ROOT, "%-8d %-5s %14.1f %14s %14s %8s%n", threads, clock == 0 ? "wall" : "cpu",
                        ours[clock], text(np[clock]), text(np[2 + clock]),
                        Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.2fx", ours[clock] / best));
            }
            out.flush();
        }
        out.println("ratio: deepfact over the faster numpy implementation (numpy timed by " + py + "); cpu: iterations"
                + " per second of CPU time, which a busy machine disturbs less");
        out.flush();
        return 0;
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return {wall, cpu} iterations per second, best of three; cpu only for one thread (the caller runs it) */
    private static double[] ours(TensorProblem problem, int r, int threads, double seconds) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CpConfig.Builder b = CpConfig.builder().components(r).threads(threads).lossThreshold(0).logEvery(Long.MAX_VALUE);
        CpTrainer.train(problem, b.maxIterations(50).build(), null); // JIT warm-up
        CpResult probe = CpTrainer.train(problem, b.maxIterations(50).build(), null); // rate estimate, warm
        double rate = 50 / Math.max(probe.seconds(), 1e-6);
        // long enough that the per-run set-up (two records of the dense tensor) stays below a few percent
        long its = Math.max(100, (long) (rate * seconds / 3));
        double best = 0;
        double bestCpu = Double.NaN;
        for (int rep = 0; rep < 3; rep++) {
            long cpu = mx.getCurrentThreadCpuTime();
            CpResult res = CpTrainer.train(problem, b.maxIterations(its).build(), null);
            double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu) * 1e-9;
            best = Math.max(best, res.iterations() / res.seconds());
            if (threads == 1) {
                bestCpu = Double.isNaN(bestCpu) ? res.iterations() / cpuSeconds : Math.max(bestCpu, res.iterations() / cpuSeconds);
            }
        }
        return new double[] {best, bestCpu};
    }

    /**
     * @return {dense wall, dense cpu, gather wall, gather cpu} iterations per second, NaN when python3
     *         or numpy is not available
     */
    private static double[] numpy(Path script, String dims, int r, int m, double seconds, int threads)
            throws InterruptedException {
        double[] out = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (script == null || !Files.isRegularFile(script)) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), dims, Integer.toString(r),
                Integer.toString(m), Double.toString(seconds)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, Integer.toString(threads));
        }
        try {
            Process p = pb.start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.trim().split("\\s+");
                    int slot = parts.length != 2 ? -1 : switch (parts[0]) {
                        case "numpy_dense_iterations_per_second" -> 0;
                        case "numpy_dense_cpu_iterations_per_second" -> 1;
                        case "numpy_gather_iterations_per_second" -> 2;
                        case "numpy_gather_cpu_iterations_per_second" -> 3;
                        default -> -1;
                    };
                    if (slot >= 0) {
                        out[slot] = Double.parseDouble(parts[1]);
                    }
                }
            }
            p.waitFor();
        } catch (IOException | NumberFormatException e) {
            return out; // no python3 here: the table says n/a
        }
        return out;
    }

    /** bench/cp_numpy.py under the working directory, else beside the checkout the jar was built in. */
    private static Path locateScript() {
        Path here = Path.of("bench", "cp_numpy.py");
        if (Files.isRegularFile(here)) {
            return here;
        }
        try {
            Path jar = Path.of(TensorBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().getParent().resolve("bench").resolve("cp_numpy.py");
            return Files.isRegularFile(candidate) ? candidate : here;
        } catch (Exception e) {
            return here;
        }
    }
}
