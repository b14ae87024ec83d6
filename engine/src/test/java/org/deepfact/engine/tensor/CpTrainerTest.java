package org.deepfact.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.DivergenceException;
import org.deepfact.engine.train.StopReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CP training: exact recovery, incremental learning, determinism, allocation, progress and cancel. */
class CpTrainerTest {

    /** 8 x 8 x 8, rank 3, m = 150 (29%): small enough for a unit test, big enough to show the effect. */
    private static TensorProblem problem(int rank, int m, long seed) {
        TensorShape shape = TensorShape.of(8, 8, 8);
        TensorGroundTruth truth = TensorGroundTruth.generate(shape, rank, 1.0, seed);
        TensorEntries observed = TensorSampling.uniform(shape, truth.dense(), m, seed + 1);
        return TensorProblem.completion(observed).withGroundTruth(truth.dense());
    }

    @Test
    void rankOneGroundTruthIsRecoveredExactly() {
        TensorShape shape = TensorShape.of(6, 6, 6);
        TensorGroundTruth truth = TensorGroundTruth.generate(shape, 1, 1.0, 11);
        TensorEntries observed = TensorSampling.uniform(shape, truth.dense(), 108, 12);
        TensorProblem problem = TensorProblem.completion(observed).withGroundTruth(truth.dense());
        // Gradient descent: GroupRMSprop's normalised step (about lr in parameter space) stalls near
        // a loss of 1e-7 here; plain GD converges linearly once the component has escaped.
        CpResult r = CpTrainer.train(problem, CpConfig.builder().optimizer(OptimizerKind.GD).learningRate(3)
                .initStd(1e-3).lossThreshold(1e-14).maxIterations(50_000).seed(13).build(), null);
        assertEquals(StopReason.CONVERGED, r.stopReason(), "loss " + r.last().trainLoss() + ", error "
                + r.last().reconstructionError() + ", norms " + java.util.Arrays.toString(r.last().topComponentNorms()));
        // Independent check: the completed tensor against the dense ground truth, entry by entry.
        double[] t = r.completed();
        double[] w = truth.dense();
        double worst = 0;
        for (int p = 0; p < w.length; p++) {
            worst = Math.max(worst, Math.abs(t[p] - w[p]));
        }
        double rms = 1 / Math.sqrt(w.length);
        assertTrue(worst < 1e-3 * rms, "largest entry error " + worst + " (entry RMS " + rms + ")");
        assertEquals(1, r.last().tensorRank(), "one component carries the solution");
        double[] norms = r.last().topComponentNorms();
        assertTrue(norms[1] < 1e-3 * norms[0], "second component " + norms[1] + " vs first " + norms[0]);
        assertEquals(1.0, norms[0], 1e-3, "the component is the whole tensor, ||T*|| = 1");
    }

    @Test
    void smallInitialisationLearnsComponentsOneAfterAnother() {
        TensorProblem problem = problem(3, 150, 1);
        CpResult r = CpTrainer.train(problem, CpConfig.builder().initStd(1e-3).logEvery(10).maxIterations(20_000)
                .seed(3).build(), null);
        assertTrue(r.last().reconstructionError() < 0.02, "error " + r.last().reconstructionError());
        assertEquals(3, r.last().tensorRank());
        long[] half = halfTimes(r.history(), 3);
        long total = r.iterations();
        for (int j = 1; j < 3; j++) {
            assertTrue(half[j] - half[j - 1] > total / 10, "component " + (j + 1) + " reached half its final norm at "
                    + half[j] + ", component " + j + " at " + half[j - 1] + " (run of " + total + ")");
        }
        // A large initialisation fits the observations with a higher-rank, worse solution.
        CpResult large = CpTrainer.train(problem, CpConfig.builder().initStd(5e-2).logEvery(10).maxIterations(20_000)
                .seed(3).build(), null);
        assertTrue(large.last().tensorRank() > 3, "rank " + large.last().tensorRank());
        assertTrue(large.last().reconstructionError() > 10 * r.last().reconstructionError());
    }

    /** @return the first recorded iteration at which the j-th largest norm reached half its final value */
    static long[] halfTimes(List<CpHistoryRecord> history, int k) {
        double[] fin = history.get(history.size() - 1).topComponentNorms();
        long[] out = new long[k];
        for (int j = 0; j < k; j++) {
            out[j] = -1;
            for (CpHistoryRecord h : history) {
                if (h.topComponentNorms()[j] >= fin[j] / 2) {
                    out[j] = h.iteration();
                    break;
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(CpConfig.Route.class)
    void anyThreadCountGivesTheSameBits(CpConfig.Route route) {
        TensorProblem problem = problem(2, 200, 5);
        CpResult[] results = new CpResult[3];
        for (int threads = 1; threads <= 3; threads++) {
            // R = 150: three blocks of components, the last one partial
            results[threads - 1] = CpTrainer.train(problem, CpConfig.builder().components(150).threads(threads)
                    .route(route).maxIterations(300).logEvery(50).seed(9).build(), null);
        }
        for (int k = 1; k < 3; k++) {
            assertArrayEquals(results[0].completed(), results[k].completed(), 0.0);
            assertArrayEquals(results[0].componentNorms(), results[k].componentNorms(), 0.0);
            for (int h = 0; h < results[0].history().size(); h++) {
                assertEquals(results[0].history().get(h).trainLoss(), results[k].history().get(h).trainLoss(), 0.0);
            }
        }
    }

    @Test
    void everyOptimizerDecreasesTheLoss() {
        TensorProblem problem = problem(2, 200, 7);
        for (OptimizerKind kind : OptimizerKind.values()) {
            double lr = switch (kind) {
                case GD -> 50;
                case ADAM -> 1e-2;
                case GROUP_RMSPROP -> 1e-2;
            };
            CpResult r = CpTrainer.train(problem, CpConfig.builder().optimizer(kind).learningRate(lr).initStd(0.1)
                    .maxIterations(400).seed(1).build(), null);
            assertTrue(r.last().trainLoss() < 0.5 * r.history().get(0).trainLoss(), kind + ": " + r.last().trainLoss()
                    + " from " + r.history().get(0).trainLoss());
        }
    }

    @Test
    void bothRoutesFollowTheSamePath() {
        TensorProblem problem = problem(3, 150, 1);
        CpConfig.Builder b = CpConfig.builder().initStd(1e-3).maxIterations(1000).logEvery(250).seed(3);
        CpResult entries = CpTrainer.train(problem, b.route(CpConfig.Route.ENTRIES).build(), null);
        CpResult unfolded = CpTrainer.train(problem, b.route(CpConfig.Route.UNFOLDED).build(), null);
        for (int h = 0; h < entries.history().size(); h++) {
            CpHistoryRecord s = entries.history().get(h);
            CpHistoryRecord d = unfolded.history().get(h);
            assertEquals(s.trainLoss(), d.trainLoss(), 1e-4 * s.trainLoss(), "iteration " + s.iteration());
            assertArrayEquals(s.topComponentNorms(), d.topComponentNorms(), 1e-4);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CpConfig.Route.class, names = {"ENTRIES", "UNFOLDED"})
    void theIterationLoopAllocatesNothing(CpConfig.Route route) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TensorProblem problem = problem(2, 200, 5);
        long[] bytes = new long[2];
        long[] its = {1_000, 3_000};
        for (int rep = 0; rep < 2; rep++) { // the last repetition counts (warm JIT)
            for (int k = 0; k < 2; k++) {
                CpConfig config = CpConfig.builder().maxIterations(its[k]).logEvery(1_000_000).lossThreshold(0)
                        .route(route).seed(2).build();
                long before = mx.getCurrentThreadAllocatedBytes();
                CpTrainer.train(problem, config, null);
                bytes[k] = mx.getCurrentThreadAllocatedBytes() - before;
            }
        }
        // One array or boxed number per iteration would be >= 16 bytes; JIT and TLAB accounting leave a few.
        long perIteration = (bytes[1] - bytes[0]) / (its[1] - its[0]);
        assertTrue(perIteration < 32, "about " + perIteration + " bytes per iteration (" + bytes[0] + " vs " + bytes[1] + ")");
    }

    @Test
    void progressIsReportedAndCancelStopsTheRun() {
        TensorProblem problem = problem(2, 200, 5);
        int[] checks = {0};
        ProgressCallback cancelLater = new ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
                assertTrue(fraction >= 0 && fraction <= 1, "fraction " + fraction);
            }

            @Override
            public boolean isCanceled() {
                return ++checks[0] > 50;
            }
        };
        assertThrows(OperationCanceledException.class, () -> CpTrainer.train(problem,
                CpConfig.builder().maxIterations(1_000_000).build(), cancelLater));
        assertEquals(51, checks[0], "checked once per iteration, stopped at the first cancel");
        String[] last = {""};
        CpTrainer.train(problem, CpConfig.builder().maxIterations(10).build(), new ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
                last[0] = message;
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        });
        assertEquals("stopped: max_iterations after 10 iterations", last[0]);
    }

    @Test
    void divergenceNamesTheLearningRate() {
        TensorProblem problem = problem(2, 200, 5);
        DivergenceException e = assertThrows(DivergenceException.class, () -> CpTrainer.train(problem,
                CpConfig.builder().optimizer(OptimizerKind.GD).learningRate(1e6).initStd(1).maxIterations(100).build(),
                null));
        assertTrue(e.getMessage().contains("learning rate 1000000.0"), e.getMessage());
    }
}
