package org.deepfact.engine.train;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.RowBlockKernel;
import org.deepfact.engine.linalg.Rows;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.Optimizer;
import org.deepfact.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;

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
     * configured initialisation and returns their timing. With {@code config.denseReference()} set
     * it times the baseline instead: for completion the dense reference gradient, for sensing the
     * {@linkplain TwoPassSensingObjective two-pass} reference (all residuals first, then
     * sum_i r_i A_i in a second pass over the A_i), which computes the same numbers.
     */
    public static Timing timeIterations(TrainingProblem problem, TrainingConfig config, int iterations) {
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
            Objective o = objective(problem, config, dims, kernel);
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

    private static Objective objective(TrainingProblem problem, TrainingConfig config, int[] dims,
            DenseKernel kernel) {
        ProgressCallback none = ProgressCallback.NONE;
        if (problem.isCompletion()) {
            return config.denseReference() ? new DenseCompletionObjective(problem.observations())
                    : new CompletionObjective(problem.observations(), dims, kernel, none);
        }
        return config.denseReference()
                ? new TwoPassSensingObjective(problem.sensingOperator(), problem.measurementsShared(), dims, kernel)
                : new SensingObjective(problem.sensingOperator(), problem.measurementsShared(), dims, kernel, none);
    }

    /**
     * @return bytes of measurement matrices one sensing iteration reads when they are stored
     *         (8 m rows cols: every A_i once); regenerated operators read none but generate as many
     */
    public static double sensingBytesPerIteration(int rows, int cols, int m) {
        return 8.0 * m * rows * cols;
    }

    /**
     * The unfused sensing loss and gradient, kept as the benchmark's baseline and as an independent
     * computation: pass 1 computes every r_i = &lt;A_i, W&gt; - y_i, pass 2 accumulates
     * G = (2/m) sum_i r_i A_i, each A_i read once per pass from its own copy, one measurement at a
     * time. Same per-measurement arithmetic (four-way partial-sum dot product, gradient summed in
     * measurement order) as the operator, so the same numbers, bit for bit.
     */
    static final class TwoPassSensingObjective implements Objective {

        private final int depth;
        private final double[][] a;
        private final double[] y;
        private final double[] r;
        private final Chain chain;
        private DMatrixRMaj lastG;

        TwoPassSensingObjective(SensingOperator op, double[] y, int[] dims, DenseKernel kernel) {
            this.depth = dims.length - 1;
            this.a = new double[op.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = op.matrix(i).data;
            }
            this.y = y;
            this.r = new double[y.length];
            this.chain = new Chain(kernel, dims, depth, ProgressCallback.NONE);
        }

        @Override
        public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
            chain.forward(f, depth);
            DMatrixRMaj w = chain.prefix[depth];
            DMatrixRMaj target = depth == 1 ? grads[0] : chain.back[depth];
            int n2 = w.getNumElements();
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                r[i] = Rows.dot(a[i], 0, w.data, 0, n2) - y[i];
                sum += r[i] * r[i];
            }
            double coeff = 2.0 / y.length;
            java.util.Arrays.fill(target.data, 0, n2, 0.0);
            for (int i = 0; i < a.length; i++) {
                Rows.axpy(coeff * r[i], a[i], 0, target.data, 0, n2);
            }
            if (depth > 1) {
                chain.backward(f, grads, depth);
            }
            lastG = target;
            return sum / y.length;
        }

        @Override
        public void endToEndGradient(DMatrixRMaj out) {
            out.setTo(lastG);
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
