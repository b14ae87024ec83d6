package org.deepfact.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Ground truth, sampling, errors and the unfolding, against direct computations. */
class TensorDataTest {

    @Test
    void groundTruthHasUnitNormAndItsRank() {
        TensorShape shape = TensorShape.of(6, 5, 4, 3);
        TensorGroundTruth t = TensorGroundTruth.generate(shape, 2, 1.0, 4);
        double[] dense = t.dense();
        double norm = 0;
        int[] idx = new int[4];
        for (int p = 0; p < dense.length; p++) {
            norm += dense[p] * dense[p];
            shape.unravel(p, idx, 0);
            assertEquals(t.cp().value(idx), dense[p], 1e-15, "entry " + p);
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-12);
        // Every unfolding of a rank-2 CP tensor has matrix rank <= 2 (and 2 for a generic one).
        double[] sv = Spectrum.of(new Unfolding(shape).matrix(dense, 1)).singularValues();
        assertTrue(sv[1] > 1e-3 && sv[2] < 1e-12 * sv[0], "singular values " + sv[0] + ", " + sv[1] + ", " + sv[2]);
        assertEquals(shape.maxRank(), 6 * 5 * 4 * 3 / 6);
    }

    @Test
    void uniformSamplingIsWithoutReplacementAndComplementIsTheRest() {
        TensorShape shape = TensorShape.of(4, 5, 6);
        TensorGroundTruth t = TensorGroundTruth.generate(shape, 3, 1.0, 1);
        TensorEntries obs = TensorSampling.uniform(shape, t.dense(), 50, 9);
        TensorEntries held = TensorSampling.complement(obs, t.dense());
        assertEquals(50, obs.size());
        assertEquals(120 - 50, held.size());
        boolean[] seen = new boolean[120];
        for (TensorEntries e : new TensorEntries[] {obs, held}) {
            for (int k = 0; k < e.size(); k++) {
                assertTrue(!seen[e.linear(k)], "position " + e.linear(k) + " twice");
                seen[e.linear(k)] = true;
                assertEquals(t.at(e.linear(k)), e.value(k), 0.0);
            }
        }
        assertArrayEquals(obs.values(), TensorSampling.uniform(shape, t.dense(), 50, 9).values(), 0.0, "seeded");
        // Each position equally likely: over many seeds every entry is drawn about m / size of the time.
        int[] count = new int[120];
        for (long seed = 0; seed < 2000; seed++) {
            TensorEntries s = TensorSampling.uniform(shape, t.dense(), 30, seed);
            for (int k = 0; k < s.size(); k++) {
                count[s.linear(k)]++;
            }
        }
        for (int c : count) {
            assertTrue(Math.abs(c - 500) < 5 * Math.sqrt(500 * 0.75), "count " + c + ", expected 500");
        }
        TensorEntries noisy = TensorSampling.addGaussianNoise(obs, 0.1, 3);
        assertEquals(obs.size(), noisy.size());
        assertTrue(Math.abs(noisy.value(0) - obs.value(0)) > 0);
    }

    @Test
    void errorsAreNormalisedFrobeniusDistances() {
        double[] truth = {3, 4, 0, 1};
        double[] est = {3, 0, 0, 0};
        boolean[] observed = {true, false, false, false};
        TensorErrors e = TensorErrors.of(est, truth, observed);
        assertEquals(Math.sqrt(17.0 / 26), e.all(), 1e-15);
        assertEquals(Math.sqrt(17.0 / 17), e.unobserved(), 1e-15);
    }

    @Test
    void unfoldingMapsModesToRowsAndColumns() {
        TensorShape shape = TensorShape.of(2, 3, 4, 5);
        Unfolding u = new Unfolding(shape);
        assertEquals(6, u.rows());
        assertEquals(20, u.cols());
        TensorEntries e = TensorEntries.of(shape, new int[][] {{1, 2, 3, 4}}, new double[] {2.5});
        Observations o = u.entries(e, 2);
        assertEquals(1 * 3 + 2, o.row(0));
        assertEquals(3 * 5 + 4, o.col(0));
        assertEquals(5.0, o.value(0), 0.0);
        double[] dense = new double[shape.size()];
        dense[shape.linear(new int[] {1, 2, 3, 4}, 0)] = 7;
        assertEquals(7.0, u.matrix(dense, 1).get(5, 19), 0.0);
        assertArrayEquals(dense, u.tensor(u.matrix(dense, 3), 1.0 / 3), 1e-15);
    }

    @Test
    void unfoldedNuclearNormRecoversARankOneTensorFromHalfItsEntries() {
        TensorShape shape = TensorShape.of(5, 5, 5, 5);
        TensorGroundTruth t = TensorGroundTruth.generate(shape, 1, 1.0, 2);
        TensorProblem p = TensorProblem.completion(TensorSampling.uniform(shape, t.dense(), 300, 3))
                .withGroundTruth(t.dense());
        UnfoldingBaseline.Result r = UnfoldingBaseline.nuclearNorm(p, NuclearNormConfig.defaults()
                .withEpsilon(1e-6), null);
        TensorErrors e = TensorErrors.of(r.completed(), t.dense(), TensorErrors.mask(p.observed()));
        assertTrue(e.all() < 1e-3, "error " + e.all());
        assertTrue(r.trainLoss() < 1e-10, "loss " + r.trainLoss());
    }
}
