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
        out.printf(Locale.ROOT, "%-8s %14s %14s %14s %8s%n", "threads", "deepfact it/s", "numpy dense", "numpy gather", "ratio");
        out.flush();
        for (int threads : new int[] {1, 2}) {
            double ours = ours(problem, r, threads, seconds);
            double[] np = numpy(py, dimsText, r, m, seconds, threads);
            double best = Math.max(np[0], np[1]);
            out.printf(Locale.ROOT, "%-8d %14.1f %14s %14s %8s%n", threads, ours, text(np[0]), text(np[1]),
                    Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.2fx", ours / best));
            out.flush();
        }
        out.println("ratio: deepfact over the faster numpy implementation (numpy timed by " + py + ")");
        out.flush();
        return 0;
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double ours(TensorProblem problem, int r, int threads, double seconds) {
        CpConfig.Builder b = CpConfig.builder().components(r).threads(threads).lossThreshold(0).logEvery(Long.MAX_VALUE);
        CpResult probe = CpTrainer.train(problem, b.maxIterations(20).build(), null); // warm-up and a rate estimate
        double rate = 20 / Math.max(probe.seconds(), 1e-6);
        long its = Math.max(10, (long) (rate * seconds / 3));
        CpTrainer.train(problem, b.maxIterations(its).build(), null);
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            CpResult res = CpTrainer.train(problem, b.maxIterations(its).build(), null);
            best = Math.max(best, res.iterations() / res.seconds());
        }
        return best;
    }

    /** @return {dense, gather} iterations per second, NaN when python3 or numpy is not available */
    private static double[] numpy(Path script, String dims, int r, int m, double seconds, int threads)
            throws InterruptedException {
        double[] out = {Double.NaN, Double.NaN};
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
                    if (parts.length == 2 && parts[0].equals("numpy_dense_iterations_per_second")) {
                        out[0] = Double.parseDouble(parts[1]);
                    } else if (parts.length == 2 && parts[0].equals("numpy_gather_iterations_per_second")) {
                        out[1] = Double.parseDouble(parts[1]);
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
