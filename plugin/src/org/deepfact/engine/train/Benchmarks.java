package org.deepfact.engine.train;

import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.RowBlockKernel;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.Optimizer;
import org.deepfact.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;

/**
 * Support for the {@code deepfact bench} command: times the bare training iteration (loss,
 * gradients, optimiser step; no metrics, no setup) and counts its floating-point operations.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Wall-clock and calling-thread CPU seconds of a timed loop. On a shared machine the CPU time
     * of a single-threaded run is the steadier measure; with worker threads it misses their share.
     *
     * @param wallSeconds elapsed real time
     * @param cpuSeconds CPU time of the calling thread (NaN when the JVM cannot measure it)
     */
    public record Timing(double wallSeconds, double cpuSeconds) {
    }

    /**
     * Runs {@code iterations} training iterations of a completion problem from the configured
     * initialisation and returns their timing. Uses the dense reference gradient when
     * {@code config.denseReference()} is set (the baseline).
     */
    public static Timing timeIterations(TrainingProblem problem, TrainingConfig config, int iterations) {
        if (!problem.isCompletion()) {
            throw new IllegalArgumentException("Benchmarks time completion problems only");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Benchmark iterations must be >= 1, got " + iterations);
        }
        int[] dims = Widths.resolve(problem.rows(), problem.cols(), config.depth(), config.hiddenWidths());
        try (DenseKernel kernel = new RowBlockKernel(config.threads())) {
            DMatrixRMaj[] f = Initializer.initialize(dims, config.init(), config.initScale(), config.seed());
            DMatrixRMaj[] g = new DMatrixRMaj[f.length];
            for (int j = 0; j < f.length; j++) {
                g[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
            }
            Objective o = config.denseReference() ? new DenseCompletionObjective(problem.observations())
                    : new CompletionObjective(problem.observations(), dims, kernel,
                    org.deepfact.engine.ProgressCallback.NONE);
            Optimizer opt = Optimizer.create(config.optimizer(), config.learningRate(), dims);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            long cpuStart = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            double sink = 0;
            for (int t = 0; t < iterations; t++) {
                sink += o.evaluate(f, g);
                opt.step(f, g);
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            double cpuSeconds = cpu ? (mx.getCurrentThreadCpuTime() - cpuStart) * 1e-9 : Double.NaN;
            if (Double.isNaN(sink)) {
                throw new DivergenceException(config.learningRate(), iterations, sink, Double.NaN);
            }
            return new Timing(seconds, cpuSeconds);
        }
    }

    /**
     * Floating-point operations (a multiply-add counts 2) of one sparse-aware completion iteration:
     * 6 m d_{N-1} for the fused residual / outer-gradient pass over the m entries (a dot product and
     * two row updates of length d_{N-1}), 6 cols sum_{j=2..N-1} d_j d_{j-1} for the dense chain
     * (one forward and two backward products per middle factor), and per parameter 4 for
     * GroupRMSprop (squared norm + update), 2 for GD, 10 for Adam. Transposes and zeroing are free.
     * Depth 1 counts 2 m plus the optimiser.
     */
    public static double flopsPerIteration(int[] dims, int m, OptimizerKind optimizer) {
        int depth = dims.length - 1;
        double flops = depth == 1 ? 2.0 * m : 6.0 * m * dims[depth - 1];
        for (int j = 2; j <= depth - 1; j++) {
            flops += 6.0 * dims[0] * dims[j] * dims[j - 1];
        }
        double params = 0;
        for (int j = 1; j <= depth; j++) {
            params += (double) dims[j] * dims[j - 1];
        }
        double perParam = switch (optimizer) {
            case GD -> 2;
            case GROUP_RMSPROP -> 4;
            case ADAM -> 10;
        };
        return flops + perParam * params;
    }
}
