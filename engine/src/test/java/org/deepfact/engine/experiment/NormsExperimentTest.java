package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.NormsExperiment.Point;
import org.deepfact.engine.experiment.NormsExperiment.Trajectory;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.train.StopReason;
import org.junit.jupiter.api.Test;

/**
 * Razin and Cohen's 2 x 2 counterexample on a small instance (larger init and step than the
 * authors', loss 1e-3): with depth 3, |W_11| and every norm grow as the loss falls and W becomes
 * rank one; depth 2 fits with a finite W_11.
 */
class NormsExperimentTest {

    private static final NormsExperiment SMALL = new NormsExperiment(List.of(2, 3), InitKind.GAUSSIAN, 3e-2, 2e-2,
            200_000, 1e-3, 20, InitCondition.POSITIVE_DETERMINANT, 1);

    @Test
    void depthThreeBlowsUpAlongTheRankOnePathAndDepthTwoDoesNot() {
        List<Trajectory> runs = SMALL.execute(2, null, ProgressCallback.NONE);
        Trajectory d2 = runs.get(0);
        Trajectory d3 = runs.get(1);
        assertEquals(StopReason.CONVERGED, d3.result().stopReason());
        Point first = d3.points().get(0);
        assertTrue(first.determinant() > 0, "det W(0) " + first.determinant());
        assertEquals(d3.result().last().trainLoss(), d3.last().trainLoss());
        // |W_11| and the norms rise as the loss falls through each decade
        double prev = 0;
        double prevNuclear = 0;
        for (double level : new double[] {1e-1, 1e-2, 1e-3}) {
            Point p = firstBelow(d3, level);
            assertTrue(Math.abs(p.w11()) > 2.5 * prev, level + ": |W_11| " + p.w11() + " after " + prev);
            assertTrue(p.nuclearNorm() > prevNuclear && p.frobeniusNorm() >= Math.abs(p.w11())
                    && p.spectralNorm() <= p.frobeniusNorm() && p.nuclearNorm() >= p.frobeniusNorm());
            prev = Math.abs(p.w11());
            prevNuclear = p.nuclearNorm();
        }
        // closed form of the rank-one fit: W_22 = 1 / W_11 is the only residual, loss = 1 / (3 W_11^2)
        Point last = d3.last();
        double rankOne = 1 / Math.sqrt(3 * last.trainLoss());
        assertEquals(rankOne, Math.abs(last.w11()), 0.03 * rankOne);
        assertTrue(last.effectiveRank() < 1.01 && first.effectiveRank() > last.effectiveRank(), "effective rank "
                + first.effectiveRank()
                + " -> " + last.effectiveRank());
        // depth 2 from this unbalanced init crosses det W = 0 early and fits with W_11 of order 1
        assertTrue(Math.abs(d2.last().w11()) < 0.1 * Math.abs(last.w11()), "depth 2 |W_11| " + d2.last().w11());
        assertTrue(d2.last().effectiveRank() > 1.5, "depth 2 effective rank " + d2.last().effectiveRank());
    }

    @Test
    void theW11BoundHoldsForEveryMatrixWithPositiveDeterminant() {
        SplittableRandom rng = new SplittableRandom(5);
        int checked = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            double a = 100 * rng.nextGaussian();
            double b = 1 + 0.3 * rng.nextGaussian();
            double c = 1 + 0.3 * rng.nextGaussian();
            double d = 0.3 * rng.nextGaussian();
            if (a * d - b * c <= 0) {
                continue;
            }
            double loss = ((b - 1) * (b - 1) + (c - 1) * (c - 1) + d * d) / 3;
            assertTrue(Math.abs(a) >= NormsExperiment.w11LowerBound(loss), a + " " + b + " " + c + " " + d);
            checked++;
        }
        assertTrue(checked > 1000, "checked " + checked);
        assertEquals(0, NormsExperiment.w11LowerBound(0.5));
    }

    @Test
    void theAuthorsAlphaIsEachFactorsStandardDeviation() {
        assertEquals(Math.pow(8e-3 * Math.sqrt(2), 3), NormsExperiment.initScale(InitKind.GAUSSIAN, 8e-3, 3), 1e-20);
        assertEquals(8e-3, NormsExperiment.initScale(InitKind.IDENTITY, 8e-3, 3));
        assertEquals(3, NormsExperiment.problem().observations().size());
    }

    private static Point firstBelow(Trajectory t, double loss) {
        for (Point p : t.points()) {
            if (p.trainLoss() <= loss) {
                return p;
            }
        }
        throw new AssertionError("loss never fell below " + loss);
    }
}
