package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The training loop: stopping, metrics, determinism, divergence, cancellation, sensing. */
class TrainerTest {

    private static RecoveryProblem smallCompletion(int n, int rank, int m, long seed) {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(n, n, rank, seed));
        Observations obs = Samplers.uniform(w, m, seed + 1);
        return RecoveryProblem.completion(obs).withGroundTruth(w).withHeldOut(Samplers.complement(obs, w));
    }

    @Test
    void sameSeedSameBitsForOneAndTwoThreads() {
        // 128 x 128 puts every dense product above the kernel's parallel threshold.
        RecoveryProblem p = smallCompletion(128, 3, 3000, 1);
        TrainingConfig.Builder b = TrainingConfig.builder().depth(3).maxIterations(25).logEvery(10).seed(4)
                .optimizer(OptimizerKind.ADAM).learningRate(1e-3).alignment(false);
        TrainingResult one = Trainer.train(p, b.threads(1).build(), null);
        TrainingResult two = Trainer.train(p, b.threads(2).build(), null);
        for (int j = 1; j <= 3; j++) {
            assertArrayEquals(one.factor(j).data, two.factor(j).data, 0.0, "W_" + j);
        }
        assertArrayEquals(one.endToEnd().data, two.endToEnd().data, 0.0);
        assertEquals(one.history().size(), two.history().size());
        for (int i = 0; i < one.history().size(); i++) {
            assertEquals(one.history().get(i).trainLoss(), two.history().get(i).trainLoss(), 0.0);
        }
    }

    @Test
    void convergesOnAnEasyProblemAndRecordsConsistentMetrics() {
        RecoveryProblem p = smallCompletion(12, 1, 100, 3);
        TrainingConfig c = TrainingConfig.builder().depth(3).learningRate(1e-2).logEvery(50).seed(1).topK(4)
                .alignment(true).build();
        TrainingResult r = Trainer.train(p, c, null);
        assertEquals(StopReason.CONVERGED, r.stopReason());
        HistoryRecord last = r.last();
        assertEquals(r.iterations(), last.iteration());
        assertTrue(last.trainLoss() <= 1e-6);
        // Metrics recomputed independently from the returned matrix.
        DMatrixRMaj w = r.endToEnd();
        DMatrixRMaj expected = new DMatrixRMaj(12, 12);
        DMatrixRMaj p21 = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.mult(r.factor(2), r.factor(1), p21);
        CommonOps_DDRM.mult(r.factor(3), p21, expected);
        assertArrayEquals(expected.data, w.data, 1e-12);
        DMatrixRMaj diff = w.copy();
        CommonOps_DDRM.subtractEquals(diff, p.groundTruth());
        assertEquals(CommonOps_DDRM.elementSum(elementSquare(diff)) / 144, last.reconstructionError(), 1e-15);
        double held = 0;
        Observations h = p.heldOut();
        for (int k = 0; k < h.size(); k++) {
            double d = w.get(h.row(k), h.col(k)) - h.value(k);
            held += d * d;
        }
        assertEquals(held / h.size(), last.heldOutError(), 1e-15);
        Spectrum s = Spectrum.of(w);
        assertEquals(s.nuclearNorm(), last.nuclearNorm(), 1e-9);
        assertEquals(s.effectiveRank(), last.effectiveRank(), 1e-9);
        assertEquals(s.schattenNorm(2.0 / 3), last.schattenQuasiNorm(), 1e-9);
        double authors = 0; // their main.py: singular_values.pow(2. / depth).sum(), no root
        for (double v : s.singularValues()) {
            authors += Math.cbrt(v * v);
        }
        assertEquals(authors, last.schattenSum(), 1e-9 * authors);
        assertArrayEquals(s.top(4), last.topSingularValues(), 1e-9);
        assertEquals(1, last.numericalRank(), "a rank-1 target learned with depth 3");
        assertTrue(last.stepSize() > 0 && last.gradientNorm() > 0);
        // Alignment is recorded (its values are checked against U^T G V in the next test). Near
        // convergence the residual is noise, so no diagonal dominance is claimed here.
        assertTrue(Double.isFinite(last.alignmentDiagonalMean()) && Double.isFinite(last.alignmentOffDiagonalMean()));
        HistoryRecord first = r.history().get(0);
        assertEquals(0, first.iteration());
        assertTrue(Double.isNaN(first.stepSize()));
        assertTrue(r.history().size() >= 2);
    }

    @Test
    void alignmentIsComputedFromTheFullSingularBasis() {
        RecoveryProblem p = smallCompletion(9, 2, 40, 8);
        TrainingResult r = Trainer.train(p, TrainingConfig.builder().depth(2).learningRate(1e-2).maxIterations(300)
                .alignment(true).build(), null);
        TrainingResult plain = Trainer.train(p, TrainingConfig.builder().depth(2).learningRate(1e-2).maxIterations(300)
                .build(), null);
        // Opt-in: without it no SVD vectors are paid for and the four numbers are NaN; the path is the same.
        assertTrue(Double.isNaN(plain.last().alignmentDiagonalMean()));
        assertArrayEquals(r.endToEnd().data, plain.endToEnd().data, 0.0);
        DMatrixRMaj w = r.endToEnd();
        Observations obs = p.observations();
        DMatrixRMaj g = new DMatrixRMaj(9, 9);
        for (int k = 0; k < obs.size(); k++) {
            g.set(obs.row(k), obs.col(k), 2 * (w.get(obs.row(k), obs.col(k)) - obs.value(k)) / obs.size());
        }
        Spectrum s = Spectrum.withVectors(w);
        DMatrixRMaj a = new DMatrixRMaj(9, 9);
        DMatrixRMaj gv = new DMatrixRMaj(9, 9);
        CommonOps_DDRM.mult(g, s.rightVectors(), gv);
        CommonOps_DDRM.multTransA(s.leftVectors(), gv, a);
        double diag = 0;
        double off = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                if (i == j) {
                    diag += Math.abs(a.get(i, j)) / 9;
                } else {
                    off += Math.abs(a.get(i, j)) / 72;
                }
            }
        }
        double diagSq = 0;
        double offSq = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                double d = Math.abs(a.get(i, j)) - (i == j ? diag : off);
                if (i == j) {
                    diagSq += d * d / (9 - 1);
                } else {
                    offSq += d * d / (72 - 1);
                }
            }
        }
        HistoryRecord last = r.last();
        assertEquals(diag, last.alignmentDiagonalMean(), 1e-12 * diag);
        assertEquals(off, last.alignmentOffDiagonalMean(), 1e-12 * off);
        assertEquals(Math.sqrt(diagSq), last.alignmentDiagonalSpread(), 1e-10 * Math.sqrt(diagSq));
        assertEquals(Math.sqrt(offSq), last.alignmentOffDiagonalSpread(), 1e-10 * Math.sqrt(offSq));
        assertTrue(diagSq > 0 && offSq > 0);
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        CommonOps_DDRM.elementMult(out, m);
        return out;
    }

    @Test
    void iterationCapStopsWithItsReasonAndLogsTheEnd() {
        RecoveryProblem p = smallCompletion(10, 2, 50, 5);
        TrainingResult r = Trainer.train(p, TrainingConfig.builder().maxIterations(7).logEvery(5).build(), null);
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertEquals(7, r.iterations());
        assertEquals(java.util.List.of(0L, 5L, 7L), r.history().stream().map(HistoryRecord::iteration).toList());
    }

    @Test
    void divergentLearningRateThrowsNamingIt() {
        RecoveryProblem p = smallCompletion(10, 2, 50, 5);
        TrainingConfig c = TrainingConfig.builder().depth(2).optimizer(OptimizerKind.GD).learningRate(5e3)
                .init(InitKind.GAUSSIAN).initScale(1).maxIterations(1000).build();
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.train(p, c, null));
        assertTrue(e.getMessage().contains("learning rate 5000.0"), e.getMessage());
        assertEquals(5e3, e.learningRate());
    }

    @Test
    void cancellationStopsTraining() {
        RecoveryProblem p = smallCompletion(10, 2, 50, 5);
        AtomicInteger checks = new AtomicInteger();
        ProgressCallback cancelAfterTen = new ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
                assertTrue(fraction >= 0 && fraction <= 1);
            }

            @Override
            public boolean isCanceled() {
                return checks.incrementAndGet() > 10;
            }
        };
        assertThrows(OperationCanceledException.class, () -> Trainer.train(p, TrainingConfig.builder().build(),
                cancelAfterTen));
        assertEquals(11, checks.get(), "checked every iteration");
    }

    @Test
    void sensingRecoversALowRankMatrix() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(8, 8, 1, 2));
        SensingOperator op = SensingOperator.gaussian(8, 8, 40, 3);
        RecoveryProblem p = RecoveryProblem.sensing(op, op.measure(w)).withGroundTruth(w);
        TrainingResult r = Trainer.train(p, TrainingConfig.builder().depth(3).learningRate(1e-2).logEvery(1000)
                .build(), null);
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertTrue(r.last().reconstructionError() < 1e-3, "error " + r.last().reconstructionError());
    }

    @Test
    void regeneratedSensingTrainsToTheSameBits() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(6, 5, 1, 2));
        SensingOperator stored = SensingOperator.gaussian(6, 5, 20, 3, SensingOperator.Storage.STORED);
        SensingOperator regen = SensingOperator.gaussian(6, 5, 20, 3, SensingOperator.Storage.REGENERATED);
        TrainingConfig c = TrainingConfig.builder().depth(2).maxIterations(30).learningRate(1e-2).build();
        TrainingResult a = Trainer.train(RecoveryProblem.sensing(stored, stored.measure(w)), c, null);
        TrainingResult b = Trainer.train(RecoveryProblem.sensing(regen, regen.measure(w)), c, null);
        assertArrayEquals(a.endToEnd().data, b.endToEnd().data, 0.0);
    }

    @Test
    void rectangularCompletionWithCustomWidthsTrains() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(12, 8, 1, 6));
        RecoveryProblem p = RecoveryProblem.completion(Samplers.uniform(w, 70, 1)).withGroundTruth(w);
        for (InitKind init : InitKind.values()) {
            TrainingConfig c = TrainingConfig.builder().depth(3).hiddenWidths(10, 6).init(init).learningRate(1e-2)
                    .maxIterations(5_000).logEvery(5_000).build();
            TrainingResult r = Trainer.train(p, c, null);
            double first = r.history().get(0).trainLoss();
            assertTrue(r.last().trainLoss() < 1e-3 * first, init + ": loss " + first + " -> " + r.last().trainLoss());
            assertEquals(6, r.factor(2).numRows);
        }
    }
}
