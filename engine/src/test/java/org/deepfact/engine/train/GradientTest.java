package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.bench.DenseCompletionObjective;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.RowBlockKernel;
import org.deepfact.engine.model.Widths;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every gradient against central finite differences, and sparse-aware against naive dense. */
class GradientTest {

    static java.util.stream.Stream<Arguments> shapes() {
        java.util.stream.Stream.Builder<Arguments> b = java.util.stream.Stream.builder();
        for (int depth = 1; depth <= 4; depth++) {
            b.add(Arguments.of(depth, 6, 6, null));
            b.add(Arguments.of(depth, 7, 5, null));
            b.add(Arguments.of(depth, 4, 9, null));
        }
        b.add(Arguments.of(3, 7, 5, new int[] {3, 8}));
        b.add(Arguments.of(4, 5, 6, new int[] {9, 2, 7}));
        return b.build();
    }

    /** Random factors of unit scale so the loss is far from zero and every term matters. */
    static DMatrixRMaj[] factors(int[] dims, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj[] f = new DMatrixRMaj[dims.length - 1];
        for (int j = 0; j < f.length; j++) {
            f[j] = new DMatrixRMaj(dims[j + 1], dims[j]);
            for (int e = 0; e < f[j].data.length; e++) {
                f[j].data[e] = rng.nextGaussian() / Math.sqrt(dims[j]);
            }
        }
        return f;
    }

    private static DMatrixRMaj[] gradsLike(DMatrixRMaj[] f) {
        DMatrixRMaj[] g = new DMatrixRMaj[f.length];
        for (int j = 0; j < f.length; j++) {
            g[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
        }
        return g;
    }

    private static void checkFiniteDifferences(Objective o, DMatrixRMaj[] f) {
        DMatrixRMaj[] g = gradsLike(f);
        o.evaluate(f, g);
        DMatrixRMaj[] scratch = gradsLike(f);
        double h = 1e-6;
        for (int j = 0; j < f.length; j++) {
            for (int e = 0; e < f[j].data.length; e++) {
                double keep = f[j].data[e];
                f[j].data[e] = keep + h;
                double plus = o.evaluate(f, scratch);
                f[j].data[e] = keep - h;
                double minus = o.evaluate(f, scratch);
                f[j].data[e] = keep;
                double numeric = (plus - minus) / (2 * h);
                double analytic = g[j].data[e];
                assertEquals(numeric, analytic, 1e-7 + 1e-6 * Math.abs(numeric),
                        "dL/dW_" + (j + 1) + " entry " + e);
            }
        }
    }

    private static Observations observations(int rows, int cols, long seed) {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(rows, cols, Math.min(2, Math.min(rows, cols)), seed));
        return Samplers.uniform(w, rows * cols / 2, seed + 1);
    }

    @ParameterizedTest(name = "completion depth {0}, {1} x {2}, widths {3}")
    @MethodSource("shapes")
    void completionGradientMatchesFiniteDifferences(int depth, int rows, int cols, int[] widths) {
        int[] dims = Widths.resolve(rows, cols, depth, widths);
        try (RowBlockKernel kernel = new RowBlockKernel(1)) {
            Objective o = new CompletionObjective(observations(rows, cols, 11), dims, kernel, ProgressCallback.NONE);
            checkFiniteDifferences(o, factors(dims, 5));
        }
    }

    @ParameterizedTest(name = "dense reference depth {0}, {1} x {2}, widths {3}")
    @MethodSource("shapes")
    void denseReferenceMatchesFiniteDifferences(int depth, int rows, int cols, int[] widths) {
        int[] dims = Widths.resolve(rows, cols, depth, widths);
        checkFiniteDifferences(new DenseCompletionObjective(observations(rows, cols, 12)), factors(dims, 6));
    }

    @ParameterizedTest(name = "sensing depth {0}, {1} x {2}, widths {3}")
    @MethodSource("shapes")
    void sensingGradientMatchesFiniteDifferences(int depth, int rows, int cols, int[] widths) {
        int[] dims = Widths.resolve(rows, cols, depth, widths);
        SensingOperator op = SensingOperator.gaussian(rows, cols, 15, 3);
        double[] y = op.measure(GroundTruth.generate(GroundTruthSpec.of(rows, cols, 1, 4)));
        try (RowBlockKernel kernel = new RowBlockKernel(1)) {
            checkFiniteDifferences(new SensingObjective(op, y, dims, kernel, ProgressCallback.NONE), factors(dims, 7));
        }
    }

    @ParameterizedTest(name = "sparse = dense, depth {0}, {1} x {2}, widths {3}")
    @MethodSource("shapes")
    void sparseAwareGradientEqualsNaiveDense(int depth, int rows, int cols, int[] widths) {
        sparseEqualsDense(Widths.resolve(rows, cols, depth, widths), rows, cols);
    }

    @org.junit.jupiter.api.Test
    void sparseAwareGradientEqualsNaiveDenseAtPaperSize() {
        for (int depth = 1; depth <= 4; depth++) {
            sparseEqualsDense(Widths.resolve(100, 100, depth, null), 100, 100);
        }
        sparseEqualsDense(Widths.resolve(60, 90, 3, null), 60, 90);
    }

    private static void sparseEqualsDense(int[] dims, int rows, int cols) {
        Observations obs = observations(rows, cols, 21);
        DMatrixRMaj[] f = factors(dims, 8);
        DMatrixRMaj[] sparse = gradsLike(f);
        DMatrixRMaj[] dense = gradsLike(f);
        double ls;
        try (RowBlockKernel kernel = new RowBlockKernel(1)) {
            ls = new CompletionObjective(obs, dims, kernel, ProgressCallback.NONE).evaluate(f, sparse);
        }
        double ld = new DenseCompletionObjective(obs).evaluate(f, dense);
        assertEquals(ld, ls, 1e-12 * ld, "loss");
        for (int j = 0; j < f.length; j++) {
            double norm = org.ejml.dense.row.NormOps_DDRM.normF(dense[j]);
            assertTrue(norm > 0, "gradient " + (j + 1) + " is not trivially zero");
            double diff = 0;
            for (int e = 0; e < dense[j].data.length; e++) {
                double d = sparse[j].data[e] - dense[j].data[e];
                diff += d * d;
            }
            assertTrue(Math.sqrt(diff) <= 1e-12 * norm, "dL/dW_" + (j + 1) + " relative difference "
                    + Math.sqrt(diff) / norm + " (depth " + f.length + ")");
        }
    }
}
