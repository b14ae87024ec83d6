package org.deepfact.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Samplers: counts, distinctness, order, values, distributions, errors. */
class SamplersTest {

    private static final DMatrixRMaj W = GroundTruth.generate(GroundTruthSpec.of(40, 50, 3, 1));

    private static void assertConsistent(Observations o, DMatrixRMaj w) {
        Set<Long> seen = new HashSet<>();
        long previous = -1;
        for (int k = 0; k < o.size(); k++) {
            long pos = (long) o.row(k) * w.numCols + o.col(k);
            assertTrue(pos > previous, "entries sorted row-major and distinct");
            previous = pos;
            assertTrue(seen.add(pos));
            assertEquals(w.get(o.row(k), o.col(k)), o.value(k), 0.0);
        }
    }

    @Test
    void uniformDrawsExactlyMDistinctEntriesAndIsDeterministic() {
        Observations o = Samplers.uniform(W, 700, 3);
        assertEquals(700, o.size());
        assertConsistent(o, W);
        assertArrayEquals(o.rowIndices(), Samplers.uniform(W, 700, 3).rowIndices());
        assertTrue(!java.util.Arrays.equals(o.colIndices(), Samplers.uniform(W, 700, 4).colIndices()));
        assertEquals(2000, Samplers.uniform(W, 2000, 1).size());
        assertEquals(1000, Samplers.uniformFraction(W, 0.5, 1).size());
    }

    @Test
    void uniformIsUniformOverRows() {
        // 200 draws of 1000 from 2000: each row (50 entries) expects 25 hits per draw.
        int[] hits = new int[40];
        for (int s = 0; s < 200; s++) {
            Observations o = Samplers.uniform(W, 1000, s);
            for (int k = 0; k < o.size(); k++) {
                hits[o.row(k)]++;
            }
        }
        for (int h : hits) {
            assertEquals(5000, h, 5 * Math.sqrt(5000 * 0.5 * 0.5 * 2));
        }
    }

    @Test
    void bernoulliKeepsAboutPTimesTheEntries() {
        Observations o = Samplers.bernoulli(W, 0.3, 9);
        assertConsistent(o, W);
        assertEquals(600, o.size(), 5 * Math.sqrt(2000 * 0.3 * 0.7));
    }

    @Test
    void perRowGivesTheSameCountInEveryRow() {
        Observations o = Samplers.perRow(W, 7, 2);
        assertConsistent(o, W);
        int[] count = new int[40];
        for (int k = 0; k < o.size(); k++) {
            count[o.row(k)]++;
        }
        for (int c : count) {
            assertEquals(7, c);
        }
    }

    @Test
    void powerLawConcentratesOnPopularRows() {
        DMatrixRMaj big = GroundTruth.generate(GroundTruthSpec.of(100, 100, 2, 1));
        Observations o = Samplers.powerLaw(big, 2000, 1.0, 5);
        assertEquals(2000, o.size());
        assertConsistent(o, big);
        int[] count = new int[100];
        for (int k = 0; k < o.size(); k++) {
            count[o.row(k)]++;
        }
        java.util.Arrays.sort(count);
        int top10 = 0;
        for (int i = 90; i < 100; i++) {
            top10 += count[i];
        }
        assertTrue(top10 > 2 * 200, "the 10 most popular rows hold far more than a uniform 10%: " + top10);
        Observations uniformish = Samplers.powerLaw(big, 2000, 0.0, 5);
        assertEquals(2000, uniformish.size());
    }

    @Test
    void complementIsDisjointAndCompletesTheMatrix() {
        Observations o = Samplers.uniform(W, 300, 1);
        Observations held = Samplers.complement(o, W);
        assertEquals(2000 - 300, held.size());
        assertConsistent(held, W);
        Set<Long> observed = new HashSet<>();
        for (int k = 0; k < o.size(); k++) {
            observed.add((long) o.row(k) * 50 + o.col(k));
        }
        for (int k = 0; k < held.size(); k++) {
            assertTrue(!observed.contains((long) held.row(k) * 50 + held.col(k)));
        }
    }

    @Test
    void gaussianNoiseHasTheRequestedSpread() {
        Observations o = Samplers.uniform(W, 2000, 1);
        Observations noisy = Samplers.addGaussianNoise(o, 0.1, 4);
        double sum = 0;
        for (int k = 0; k < o.size(); k++) {
            assertEquals(o.row(k), noisy.row(k));
            double d = noisy.value(k) - o.value(k);
            sum += d * d;
        }
        assertEquals(0.1, Math.sqrt(sum / 2000), 0.01);
    }

    @Test
    void badArgumentsGiveSpecificErrors() {
        assertMessage("must be >= 1, got 0", () -> Samplers.uniform(W, 0, 1));
        assertMessage("Cannot observe 2001 distinct entries", () -> Samplers.uniform(W, 2001, 1));
        assertMessage("fraction must be in (0, 1]", () -> Samplers.uniformFraction(W, 1.5, 1));
        assertMessage("probability p must be in (0, 1]", () -> Samplers.bernoulli(W, 0, 1));
        assertMessage("selected no entries", () -> Samplers.bernoulli(W, 1e-9, 1));
        assertMessage("per row must be in [1, 50]", () -> Samplers.perRow(W, 51, 1));
        assertMessage("exponent", () -> Samplers.powerLaw(W, 10, -1, 1));
        assertMessage("standard deviation", () -> Samplers.addGaussianNoise(Samplers.uniform(W, 5, 1), -1, 1));
        assertMessage("complement is empty", () -> Samplers.complement(Samplers.uniform(W, 2000, 1), W));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
