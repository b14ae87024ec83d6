package org.deepfact.engine.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.RowBlockKernel;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.model.Initializer;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.train.Objective;
import org.deepfact.engine.train.TrainingConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The sensing benchmark's two-pass baseline computes what the fused objective computes. */
class BenchmarksTest {

    @Test
    void twoPassSensingBaselineEqualsFusedObjectiveBitForBit() {
        for (SensingOperator.Storage storage : new SensingOperator.Storage[] {SensingOperator.Storage.STORED,
                SensingOperator.Storage.REGENERATED}) {
            SensingOperator op = SensingOperator.gaussian(9, 7, 31, 5, storage);
            double[] y = op.measure(GroundTruth.generate(GroundTruthSpec.of(9, 7, 2, 6)));
            for (int depth = 1; depth <= 3; depth++) {
                int[] dims = Widths.resolve(9, 7, depth, null);
                try (RowBlockKernel kernel = new RowBlockKernel(1)) {
                    DMatrixRMaj[] f = Initializer.initialize(dims, InitKind.GAUSSIAN, 0.5, 3);
                    DMatrixRMaj[] g1 = grads(f);
                    DMatrixRMaj[] g2 = grads(f);
                    Objective fused = Objective.of(RecoveryProblem.sensing(op, y), dims, kernel, ProgressCallback.NONE);
                    Objective twoPass = new TwoPassSensingObjective(op, y, dims, kernel);
                    double l1 = fused.evaluate(f, g1);
                    double l2 = twoPass.evaluate(f, g2);
                    assertEquals(l2, l1, 0.0);
                    assertTrue(l1 > 0);
                    for (int j = 0; j < depth; j++) {
                        assertArrayEquals(g2[j].data, g1[j].data, 0.0, storage + " depth " + depth + " factor " + j);
                    }
                    DMatrixRMaj e1 = new DMatrixRMaj(9, 7);
                    DMatrixRMaj e2 = new DMatrixRMaj(9, 7);
                    fused.endToEndGradient(e1);
                    twoPass.endToEndGradient(e2);
                    assertArrayEquals(e2.data, e1.data, 0.0);
                }
            }
        }
    }

    @Test
    void timesSensingIterationsOnBothPaths() {
        SensingOperator op = SensingOperator.gaussian(8, 8, 40, 2);
        RecoveryProblem p = RecoveryProblem.sensing(op, op.measure(GroundTruth.generate(GroundTruthSpec.of(8, 8, 2, 1))));
        TrainingConfig c = TrainingConfig.builder().depth(3).seed(4).build();
        Benchmarks.Timing fused = Benchmarks.timeIterations(p, c, 5, false);
        Benchmarks.Timing twoPass = Benchmarks.timeIterations(p, c, 5, true);
        assertEquals(twoPass.lastLoss(), fused.lastLoss(), 0.0);
        assertTrue(fused.wallSeconds() > 0 && twoPass.wallSeconds() > 0);
        assertEquals(8.0 * 40 * 64, Benchmarks.sensingBytesPerIteration(8, 8, 40), 0.0);
    }

    private static DMatrixRMaj[] grads(DMatrixRMaj[] f) {
        DMatrixRMaj[] g = new DMatrixRMaj[f.length];
        for (int j = 0; j < f.length; j++) {
            g[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
        }
        return g;
    }

    @Test
    void timesTheDenseProductOfEveryImplementation() {
        for (Benchmarks.DenseImpl impl : Benchmarks.DenseImpl.values()) {
            for (int t = 1; t <= 2; t++) {
                double s = Benchmarks.denseProduct(impl, 33, t, 3, 1).wallSeconds();
                assertTrue(s > 0 && Double.isFinite(s), impl + ", " + t + " thread(s): " + s);
            }
        }
    }
}
