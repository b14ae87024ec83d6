package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.GunasekarExperiment.Run;
import org.deepfact.engine.experiment.GunasekarExperiment.Setting;
import org.deepfact.engine.train.StopReason;
import org.junit.jupiter.api.Test;

/** The headline of reproduce gunasekar on a small instance (12 x 12, rank 2, depth 2). */
class GunasekarExperimentTest {

    private static GunasekarExperiment small() {
        return new GunasekarExperiment(12, 2, 6, 36, List.of(1.0, 0.001), List.of(2), 0.4, 1.2, 1e-9, 200_000, 3);
    }

    private static GunasekarExperiment.Outcome outcome;

    private static synchronized GunasekarExperiment.Outcome outcome() {
        if (outcome == null) {
            outcome = small().execute(2, null, null);
        }
        return outcome;
    }

    @Test
    void commutingGapShrinksTowardZero() {
        GunasekarExperiment.Outcome o = outcome();
        List<Run> runs = o.runs(Setting.COMMUTING, 2);
        Run big = runs.get(0);
        Run tiny = runs.get(1);
        String msg = "gaps " + big.gap() + " (alpha 1) and " + tiny.gap() + " (alpha 0.001), baseline "
                + o.baseline(Setting.COMMUTING);
        assertTrue(o.baseline(Setting.COMMUTING).converged(), msg);
        // Theorem 1's limit is the minimum, approached slowly at depth 2 (about like 1 / log(1 / alpha)):
        // this instance ends 1.0% above it at alpha = 0.001 and 41% at alpha = 1. The bound 2% is
        // that with room, and less than half of what the completion setting keeps (below).
        assertTrue(tiny.gap() < 0.02 && tiny.gap() < big.gap() / 10, msg);
        assertTrue(tiny.gap() > -1e-4, "no run can beat the minimum by more than the solver's tolerance: " + msg);
        assertTrue(tiny.relativeLoss() <= 1e-9, "the run fits the measurements: " + tiny.relativeLoss());
        assertTrue(tiny.offCommuting() < 1e-8, "W stays in the A_i's algebra: " + tiny.offCommuting());
    }

    @Test
    void completionGapStaysWhileTheErrorBeatsTheMinimumTrace() {
        GunasekarExperiment.Outcome o = outcome();
        Run tiny = o.runs(Setting.COMPLETION, 2).get(1);
        GunasekarExperiment.Baseline b = o.baseline(Setting.COMPLETION);
        String msg = tiny + " vs " + b;
        // Gradient descent heads for the truth, whose trace is above the minimum (5.5% here): the gap
        // stays within a quarter of the truth's own gap instead of falling to 0 ...
        assertTrue(b.truthGap() > 0.04, msg);
        assertTrue(Math.abs(tiny.gap() - b.truthGap()) < b.truthGap() / 4, msg);
        // ... and its error is far below the minimum-trace solution's.
        assertTrue(tiny.error() < b.error() / 3, msg);
    }

    @Test
    void sameNumbersForOneThread() {
        GunasekarExperiment.Outcome one = small().execute(1, null, null);
        for (int i = 0; i < one.runs().size(); i++) {
            assertEquals(outcome().runs().get(i).trace(), one.runs().get(i).trace(), 0.0, "run " + i);
        }
        assertEquals(outcome().baseline(Setting.COMMUTING).minTrace(), one.baseline(Setting.COMMUTING).minTrace(), 0.0);
    }

    @Test
    void aDivergingAlphaKeepsTheOtherRuns() {
        // alpha = 30 (W(0) = 900 I) is far too large for the step: its runs diverge, alpha = 1's finish.
        GunasekarExperiment.Outcome o = small().withAlphas(List.of(1.0, 30.0)).withDepths(List.of(2)).execute(2, null,
                null);
        assertEquals(4, o.runs().size());
        for (Setting s : Setting.values()) {
            Run fine = o.runs(s, 2).get(0);
            Run big = o.runs(s, 2).get(1);
            assertEquals(outcome().runs(s, 2).get(0).trace(), fine.trace(), 0.0, "alpha 1 as in the grid without 30");
            assertEquals(StopReason.DIVERGED, big.stopReason(), big.toString());
            assertTrue(Double.isNaN(big.trace()) && Double.isNaN(big.gap()) && Double.isNaN(big.error())
                    && Double.isNaN(big.relativeLoss()) && Double.isNaN(big.effectiveRank()), big.toString());
            assertEquals(o.baseline(s).minTrace(), big.minTrace(), 0.0);
        }
    }

    @Test
    void badSettingsAndCancellation() {
        String odd = assertThrows(IllegalArgumentException.class, () -> small().withDepths(List.of(3)).validate())
                .getMessage();
        assertTrue(odd.contains("even"), odd);
        String m = assertThrows(IllegalArgumentException.class, () -> new GunasekarExperiment(12, 2, 12, 36,
                List.of(1.0), List.of(2), 0.4, 1.2, 1e-9, 10, 3).validate()).getMessage();
        assertTrue(m.contains("Commuting measurements") && m.contains("12"), m);
        assertThrows(IllegalArgumentException.class, () -> small().withAlphas(List.of(0.0)).validate());
        ProgressCallback cancelled = new ProgressCallback() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(OperationCanceledException.class, () -> small().execute(1, null, cancelled));
    }
}
