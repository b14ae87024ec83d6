package org.deepfact.engine.bench;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Kernels;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.Optimizer;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.Objective;
import org.deepfact.engine.train.TrainingConfig;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Support for the {@code deepfact bench} command: times the bare training iteration (loss,
 * gradients, optimiser step; no metrics, no setup) of completion and sensing problems and counts
 * its floating-point operations (completion) or bytes of A_i read (sensing).
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
     * @param lastLoss train loss evaluated by the last timed iteration (lets a caller check that a
     *        baseline and the optimised path computed the same thing)
     */
    public record Timing(double wallSeconds, double cpuSeconds, double lastLoss) {
    }

    /**
     * Runs {@code iterations} training iterations of a completion or sensing problem from the
     * configured initialisation and returns their timing: the trainer's own objective, or with
     * {@code reference} the baseline instead: for completion the {@linkplain DenseCompletionObjective
     * dense reference gradient}, for sensing the {@linkplain TwoPassSensingObjective two-pass}
     * reference (all residuals first, then sum_i r_i A_i in a second pass over the A_i), which
     * computes the same numbers.
     */
    public static Timing timeIterations(RecoveryProblem problem, TrainingConfig config, int iterations,
            boolean reference) {
        if (iterations < 1) {
            throw new IllegalArgumentException("Benchmark iterations must be >= 1, got " + iterations);
        }
        int[] dims = Widths.resolve(problem.rows(), problem.cols(), config.depth(), config.hiddenWidths());
        try (DenseKernel kernel = Kernels.dense(config.threads(), ProgressCallback.NONE)) {
            DMatrixRMaj[] f = Initializer.initialize(dims, config.init(), config.initScale(), config.seed());
            DMatrixRMaj[] g = new DMatrixRMaj[f.length];
            for (int j = 0; j < f.length; j++) {
                g[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
            }
            Objective o = reference ? reference(problem, dims, kernel) : Objective.of(problem, dims, kernel,
                    ProgressCallback.NONE);
            Optimizer opt = Optimizer.create(config.optimizer(), config.learningRate(), dims);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            long cpuStart = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            double sink = 0;
            double loss = Double.NaN;
            for (int t = 0; t < iterations; t++) {
                loss = o.evaluate(f, g);
                sink += loss;
                opt.step(f, g);
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            double cpuSeconds = cpu ? (mx.getCurrentThreadCpuTime() - cpuStart) * 1e-9 : Double.NaN;
            if (Double.isNaN(sink)) {
                throw new DivergenceException(config.learningRate(), iterations, sink, Double.NaN);
            }
            return new Timing(seconds, cpuSeconds, loss);
        }
    }

    /** Who computes a dense product in {@link #denseProduct}. */
    public enum DenseImpl {
        /** {@link Kernels#dense}: the engine's kernel (Vector API or plain Java). */
        OURS,
        /** EJML's {@code CommonOps_DDRM.mult}, single-threaded. */
        EJML,
        /** EJML's {@code CommonOps_MT_DDRM.mult} on EJML's process-wide pool, sized to the threads. */
        EJML_MT
    }

    /**
     * Times {@code products} dense products c = a b of random n x n matrices (lastLoss is NaN).
     * For {@link DenseImpl#EJML_MT} it sets EJML's global thread count ({@code EjmlConcurrency}),
     * which is why the trainer does not use it.
     */
    public static Timing denseProduct(DenseImpl impl, int n, int threads, int products, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int e = 0; e < n * n; e++) {
            a.data[e] = r.nextGaussian();
            b.data[e] = r.nextGaussian();
        }
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        if (impl == DenseImpl.EJML_MT) {
            EjmlConcurrency.setMaxThreads(threads);
        }
        try (DenseKernel kernel = impl == DenseImpl.OURS ? Kernels.dense(threads, ProgressCallback.NONE) : null) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            long cpuStart = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            for (int p = 0; p < products; p++) {
                switch (impl) {
                    case OURS -> kernel.mult(a, b, c);
                    case EJML -> CommonOps_DDRM.mult(a, b, c);
                    case EJML_MT -> CommonOps_MT_DDRM.mult(a, b, c);
                }
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            return new Timing(wall, cpu ? (mx.getCurrentThreadCpuTime() - cpuStart) * 1e-9 : Double.NaN, Double.NaN);
        }
    }

    private static Objective reference(RecoveryProblem problem, int[] dims, DenseKernel kernel) {
        return problem.isCompletion() ? new DenseCompletionObjective(problem.observations())
                : new TwoPassSensingObjective(problem.sensingOperator(), problem.measurements(), dims, kernel);
    }

    /**
     * @return bytes of measurement matrices one sensing iteration reads when they are stored
     *         (8 m rows cols: every A_i once); regenerated operators read none but generate as many
     */
    public static double sensingBytesPerIteration(int rows, int cols, int m) {
        return 8.0 * m * rows * cols;
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
