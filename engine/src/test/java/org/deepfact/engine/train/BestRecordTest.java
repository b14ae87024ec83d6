package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Early stopping's point: the minimum held-out error over the history. */
class BestRecordTest {

    private static HistoryRecord record(long t, double reconstruction, double heldOut) {
        double nan = Double.NaN;
        return new HistoryRecord(t, 1, reconstruction, heldOut, nan, nan, nan, nan, -1, nan, nan, nan, nan, nan, nan,
                new double[0], 0, nan, new double[0]);
    }

    @Test
    void picksTheFirstMinimumOfTheHeldOutErrorElseOfTheReconstructionError() {
        List<HistoryRecord> h = List.of(record(0, 5, 3), record(10, 1, 2), record(20, 0.5, 2), record(30, 0.1, 4));
        assertEquals(new BestRecord(10, 2, true), BestRecord.of(h));
        double nan = Double.NaN;
        List<HistoryRecord> noHeld = List.of(record(0, 5, nan), record(10, 1, nan), record(20, 3, nan));
        assertEquals(new BestRecord(10, 1, false), BestRecord.of(noHeld));
        assertNull(BestRecord.of(List.of(record(0, nan, nan))));
    }

    @Test
    void withNoisyObservationsTheHeldOutErrorTurnsBackUp() {
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(20, 20, 1, 3));
        Observations clean = Samplers.uniform(truth, 120, 4);
        Observations noisy = Samplers.addGaussianNoise(clean, 0.5, 5);
        RecoveryProblem p = RecoveryProblem.completion(noisy).withGroundTruth(truth)
                .withHeldOut(Samplers.complement(clean, truth));
        TrainingResult r = Trainer.train(p, TrainingConfig.builder().depth(2).init(InitKind.GAUSSIAN)
                .initScale(1e-3).optimizer(OptimizerKind.GD).learningRate(0.5).maxIterations(4_000)
                .lossThreshold(1e-12).logEvery(25).alignment(false).seed(6).build(), null);
        BestRecord best = BestRecord.of(r.history());
        HistoryRecord last = r.last();
        assertTrue(best.heldOut());
        // the best point is inside the run, clearly better than the end, and the fit went on past it
        assertTrue(best.iteration() > 0 && best.iteration() < last.iteration(), "best at " + best.iteration());
        assertTrue(best.error() < 0.9 * last.heldOutError(), best.error() + " vs final " + last.heldOutError());
        HistoryRecord atBest = r.history().stream().filter(h -> h.iteration() == best.iteration()).findFirst()
                .orElseThrow();
        assertTrue(last.trainLoss() < 1e-3 * atBest.trainLoss(), "train loss " + atBest.trainLoss() + " -> "
                + last.trainLoss());
    }
}
