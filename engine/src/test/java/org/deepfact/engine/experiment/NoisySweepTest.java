package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.StopReason;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Sweeps on noisy data: the noise, the held-out error against the clean truth and its best point. */
class NoisySweepTest {

    /** The grid the numbers below were pinned on, through the constructor that existed before the noise. */
    private static SweepGrid grid(Problem problem) {
        return new SweepGrid(problem, 12, 12, 2, List.of(60), List.of(1, 2, 3), true, List.of(1e-2),
                List.of(1e-2), 2, InitKind.GAUSSIAN, OptimizerKind.GROUP_RMSPROP, 3000, 1e-6, 1e-3, 5);
    }

    /**
     * Noise 0 changes nothing: iterations, reconstruction errors, train losses, nuclear norms and
     * effective ranks of every run as main's code
     * (before the noise and the sweep's history records existed) gave them, bit for bit.
     */
    @Test
    void withoutNoiseTheResultsAreThoseOfBefore() {
        long[] iterations = {1076, 1077, 1408, 1406, 3000, 3000, 471, 1503, 1504, 1488, 1495, 3000, 3000, 479};
        double[] errors = {0.68412967413137, 0.6839147263150751, 0.32180782782538364, 0.2118685658154314,
            0.011574704787302152, 0.010785747291116341, 0.18281763863132466, 0.6461431810389852,
            0.6462540061293259, 0.10003747661222115, 0.07694080639623593, 3.74975466106601E-4,
            0.004031404928033618, 0.06898330417911658};
        double[] trainLoss = {9.799625765513525E-7, 9.604187976403487E-7, 9.993029977127662E-7,
            9.945079006831408E-7, 1.2599256526403683E-5, 1.2392829796793121E-5, 9.383083571204767E-7,
            9.989405857651594E-7, 9.660130201573266E-7, 9.418642951176223E-7, 9.933530780339482E-7,
            1.5167448123280907E-5, 1.575652215981282E-5, 9.895228520504875E-7};
        // main at ee4a2f2 (the merge before the noise), run with this grid in that engine's code.
        double[] nuclearNorms = {16.80091327317025, 16.794052742752303, 13.99618290158152, 13.76968986442766,
            14.743308990340038, 14.646462897121037, 13.439406416688712, 19.823341331182785, 19.81997409025393,
            14.659216253645639, 14.574349217643524, 14.98038114223272, 14.789930116014586, 14.35636291153391};
        double[] effectiveRanks = {7.397762887188859, 7.381424358256772, 3.656326991028427, 3.291303420908733,
            1.8273412018499238, 1.8161735085765693, 2.473590295581435, 9.310243367332468, 9.30491630898809,
            3.1170948111298684, 2.762172517546066, 1.8332772691576256, 1.91652119499406, 2.5087965558157324};
        List<RunResult> all = new ArrayList<>();
        for (Problem p : Problem.values()) {
            assertEquals(grid(p), grid(p).withNoiseStd(0));
            all.addAll(new RecoverySweep(grid(p)).execute(2, null, ProgressCallback.NONE));
        }
        assertEquals(errors.length, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(iterations[i], all.get(i).iterations(), all.get(i).spec().label());
            assertEquals(errors[i], all.get(i).reconstructionError(), 0.0, all.get(i).spec().label());
            assertEquals(trainLoss[i], all.get(i).trainLoss(), 0.0, all.get(i).spec().label());
            assertEquals(nuclearNorms[i], all.get(i).nuclearNorm(), 0.0, all.get(i).spec().label());
            assertEquals(effectiveRanks[i], all.get(i).effectiveRank(), 0.0, all.get(i).spec().label());
        }
    }

    @Test
    void noiseIsOnTheObservedValuesAndTheTruthStaysClean() {
        SweepGrid g = grid(Problem.COMPLETION).withNoiseStd(0.1);
        RecoverySweep noisy = new RecoverySweep(g);
        RecoverySweep clean = new RecoverySweep(grid(Problem.COMPLETION));
        RunSpec dmf = g.runs().get(0);
        RunSpec nuclear = g.runs().get(g.runs().size() - 1);
        assertTrue(nuclear.nuclear());
        RecoveryProblem data = noisy.data(dmf);
        assertArrayEquals(clean.groundTruth(0).data, data.groundTruth().data, 0.0, "errors are against the clean truth");
        Observations obs = data.observations();
        Observations exact = clean.data(grid(Problem.COMPLETION).runs().get(0)).observations();
        assertArrayEquals(exact.rowIndices(), obs.rowIndices(), "noise does not move the mask");
        double ss = 0;
        for (int k = 0; k < obs.size(); k++) {
            ss += Math.pow(obs.value(k) - exact.value(k), 2);
        }
        double std = Math.sqrt(ss / obs.size());
        assertTrue(std > 0.07 && std < 0.13, "noise std about 0.1 over 60 values, got " + std);
        // every run of the data set, and the baseline, fits the same noisy values
        assertArrayEquals(obs.values(), noisy.data(nuclear).observations().values(), 0.0);
        assertArrayEquals(obs.values(), noisy.data(g.runs().get(1)).observations().values(), 0.0);
        // the held-out set is the clean complement
        Observations held = data.heldOut();
        assertEquals(144 - 60, held.size());
        for (int k = 0; k < held.size(); k++) {
            assertEquals(clean.groundTruth(0).get(held.row(k), held.col(k)), held.value(k), 0.0);
        }
        // a new sweep draws the same noise (seeded by the grid, not by the order of runs)
        assertArrayEquals(obs.values(), new RecoverySweep(g).data(dmf).observations().values(), 0.0);
        SweepGrid louder = g.withNoiseStd(0.2);
        assertFalse(java.util.Arrays.equals(obs.values(),
                new RecoverySweep(louder).data(louder.runs().get(0)).observations().values()));
    }

    @Test
    void sensingNoiseIsOnTheMeasurements() {
        SweepGrid g = grid(Problem.SENSING).withNoiseStd(0.1);
        RunSpec dmf = g.runs().get(0);
        double[] y = new RecoverySweep(g).data(dmf).measurements();
        double[] exact = new RecoverySweep(grid(Problem.SENSING)).data(grid(Problem.SENSING).runs().get(0))
                .measurements();
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            ss += Math.pow(y[i] - exact[i], 2);
        }
        double std = Math.sqrt(ss / y.length);
        assertTrue(std > 0.07 && std < 0.13, "noise std about 0.1 over 60 measurements, got " + std);
    }

    @Test
    void withNoiseTheBestHeldOutErrorComesBeforeTheEnd() {
        List<RunResult> results = new RecoverySweep(grid(Problem.COMPLETION).withNoiseStd(0.1))
                .execute(2, null, ProgressCallback.NONE);
        boolean clearly = false;
        for (RunResult r : results) {
            if (r.spec().nuclear() || r.spec().depth() < 2) {
                continue;
            }
            String label = r.spec().label();
            assertTrue(r.bestHeldOutError() < r.heldOutError(), label + ": fitting the noise costs held-out error");
            assertTrue(r.bestHeldOutIteration() > 0 && r.bestHeldOutIteration() < r.iterations(), label);
            assertEquals(0, r.bestHeldOutIteration() % RecoverySweep.RECORD_EVERY, label + ": a recorded point");
            clearly |= r.bestHeldOutError() < 0.9 * r.heldOutError();
        }
        assertTrue(clearly, "depth 3 overfits the noise by more than 10% of its held-out error");
    }

    /**
     * The best held-out error recomputed independently: the same run trained directly, the clean
     * unobserved error of every recorded W taken with ReconstructionErrors, and its minimum.
     */
    @Test
    void theBestHeldOutErrorIsTheMinimumOverTheRecordsOfTheCleanUnobservedError() {
        SweepGrid g = grid(Problem.COMPLETION).withNoiseStd(0.1);
        RecoverySweep sweep = new RecoverySweep(g);
        RunSpec spec = g.runs().stream().filter(r -> !r.nuclear() && r.depth() == 3 && r.repeat() == 1).findFirst()
                .orElseThrow();
        RunResult r = sweep.run(spec, ProgressCallback.NONE);
        DMatrixRMaj truth = new RecoverySweep(grid(Problem.COMPLETION)).groundTruth(1);
        Observations mask = sweep.data(spec).observations();
        TrainingConfig config = TrainingConfig.builder().depth(3).init(spec.init()).initScale(spec.initScale())
                .optimizer(spec.optimizer()).learningRate(spec.learningRate()).maxIterations(g.maxIterations())
                .lossThreshold(g.lossThreshold()).logEvery(RecoverySweep.RECORD_EVERY).alignment(false)
                .seed(spec.seed()).threads(1).build();
        double[] best = {Double.POSITIVE_INFINITY, -1};
        double[] last = {Double.NaN};
        Trainer.train(RecoveryProblem.completion(mask), config, ProgressCallback.NONE, (rec, w) -> {
            double e = ReconstructionErrors.unobserved(w, truth, mask).mse();
            if (e < best[0]) {
                best[0] = e;
                best[1] = rec.iteration();
            }
            last[0] = e;
        });
        assertEquals(best[0], r.bestHeldOutError(), 1e-15 * best[0]);
        assertEquals((long) best[1], r.bestHeldOutIteration());
        assertEquals(last[0], r.heldOutError(), 1e-15 * last[0]);
        assertTrue(r.bestHeldOutError() < 0.9 * r.heldOutError(), r.bestHeldOutError() + " vs " + r.heldOutError());
    }

    @Test
    void theBaselineHasAFinalHeldOutErrorButNoBestPoint() {
        SweepGrid g = grid(Problem.COMPLETION).withNoiseStd(0.1);
        RecoverySweep sweep = new RecoverySweep(g);
        RunSpec spec = g.runs().get(g.runs().size() - 1);
        RunResult r = sweep.run(spec, ProgressCallback.NONE);
        assertTrue(Double.isNaN(r.bestHeldOutError()));
        assertEquals(-1, r.bestHeldOutIteration());
        assertTrue(r.heldOutError() > 0 && Double.isFinite(r.heldOutError()));
        List<Object> row = SweepTables.runRow(r);
        assertEquals(null, row.get(SweepTables.RUN_COLUMNS.indexOf("best_held_out_error")));
        assertEquals(null, row.get(SweepTables.RUN_COLUMNS.indexOf("best_held_out_iteration")));
        assertEquals(0.1, row.get(SweepTables.RUN_COLUMNS.indexOf("noise_std")));
    }

    @Test
    void sensingHoldsOutEveryEntry() {
        for (RunResult r : new RecoverySweep(grid(Problem.SENSING).withNoiseStd(0.1)).execute(2, null,
                ProgressCallback.NONE)) {
            assertEquals(r.reconstructionError(), r.heldOutError(), 0.0, r.spec().label());
            assertTrue(r.spec().nuclear() || r.bestHeldOutError() <= r.heldOutError(), r.spec().label());
        }
    }

    @Test
    void noisyResultsAreTheSameForAnyThreadCount() {
        for (Problem p : Problem.values()) {
            SweepGrid g = grid(p).withNoiseStd(0.05).withVaryData(true);
            RecoverySweepTest.assertSameNumbers(new RecoverySweep(g).execute(1, null, ProgressCallback.NONE),
                    new RecoverySweep(g).execute(2, null, ProgressCallback.NONE));
        }
    }

    @Test
    void divergedRunsHaveNoBestPoint() {
        SweepGrid g = new SweepGrid(Problem.COMPLETION, 12, 12, 2, List.of(60), List.of(3), false, List.of(1.0),
                List.of(50.0), 1, InitKind.GAUSSIAN, OptimizerKind.GD, 200, 1e-6, 1e-3, 5, false, 0.1);
        RunResult r = new RecoverySweep(g).execute(1, null, ProgressCallback.NONE).get(0);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(Double.isNaN(r.heldOutError()) && Double.isNaN(r.bestHeldOutError()));
        assertEquals(null, SweepTables.runRow(r).get(SweepTables.RUN_COLUMNS.indexOf("best_held_out_iteration")));
    }

    @Test
    void theNoiseMustBeFiniteAndNonNegative() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> grid(Problem.COMPLETION).withNoiseStd(bad).validate());
            assertEquals("Noise standard deviation (noise_std) must be finite and >= 0, got " + bad, e.getMessage());
        }
    }
}
