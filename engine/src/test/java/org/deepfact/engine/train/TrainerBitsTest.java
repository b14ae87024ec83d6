package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.Kernels;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Training end to end gives pinned bits: the build runs this with the Vector API kernels and with
 * the plain-Java ones (see the engine's pom), so both must reach the same fingerprints, for one and
 * two threads. A change of arithmetic changes the pins on purpose, once; then update them.
 */
class TrainerBitsTest {

    /** Order-sensitive hash of the bits of the result: end-to-end matrix, factors, every logged loss. */
    private static String fingerprint(TrainingResult r) {
        long h = 1125899906842597L;
        for (DMatrixRMaj m : new DMatrixRMaj[] {r.endToEnd(), r.factor(1), r.factor(r.depth())}) {
            for (int e = 0; e < m.getNumElements(); e++) {
                h = 31 * h + Double.doubleToLongBits(m.data[e]);
            }
        }
        for (HistoryRecord rec : r.history()) {
            h = 31 * h + Double.doubleToLongBits(rec.trainLoss());
            h = 31 * h + Double.doubleToLongBits(rec.nuclearNorm());
        }
        return Long.toHexString(h);
    }

    @Test
    void completionGivesThePinnedBitsOnEveryKernelAndThreadCount() {
        // 110 x 110 puts the dense products above the kernel's parallel threshold; every tail length occurs.
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(110, 110, 4, 5));
        Observations obs = Samplers.uniform(w, 2500, 6);
        RecoveryProblem p = RecoveryProblem.completion(obs).withGroundTruth(w);
        TrainingConfig.Builder b = TrainingConfig.builder().depth(3).maxIterations(60).logEvery(20).seed(7);
        for (int t = 1; t <= 2; t++) {
            assertEquals("ac4ba1d796ae1d5c", fingerprint(Trainer.train(p, b.threads(t).build(), null)),
                    Kernels.describe() + ", " + t + " thread(s)");
        }
    }

    @Test
    void sensingGivesThePinnedBitsOnEveryKernel() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(13, 11, 2, 8));
        SensingOperator op = SensingOperator.gaussian(13, 11, 150, 9);
        RecoveryProblem p = RecoveryProblem.sensing(op, op.measure(w));
        TrainingConfig c = TrainingConfig.builder().depth(4).maxIterations(80).logEvery(40).seed(10).build();
        assertEquals("d526faee1537d4e2", fingerprint(Trainer.train(p, c, null)), Kernels.describe());
    }
}
