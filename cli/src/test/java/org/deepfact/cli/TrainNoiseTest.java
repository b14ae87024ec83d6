package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code train --noise-std}: noisy observations, the held-out error and its best point (early stopping). */
class TrainNoiseTest {

    private static CliRun train(String noise) {
        return new CliRun("train", "--rows", "20", "--cols", "20", "--rank", "1", "--observations", "120",
                "--noise-std", noise, "--depth", "2", "--optimizer", "gd", "--lr", "0.5", "--max-iterations", "3000",
                "--loss-threshold", "1e-12", "--log-every", "25", "--json");
    }

    @Test
    void theNoiseIsFittedAndTheBestHeldOutErrorComesBeforeTheEnd() {
        CliRun noisy = train("0.5");
        assertEquals(0, noisy.code, noisy.err);
        assertEquals(0.5, noisy.number("noise_std"));
        double best = noisy.number("best_held_out_error");
        double last = noisy.number("held_out_error");
        double at = noisy.number("best_held_out_iteration");
        assertTrue(best < 0.9 * last, best + " vs " + last);
        assertTrue(at > 0 && at < noisy.number("iterations"), "best at " + at);
        // the noise (variance 0.25) is fitted: the train loss ends far below it
        assertTrue(noisy.number("train_loss") < 1e-3, noisy.out);
        CliRun clean = train("0");
        assertEquals(0, clean.code, clean.err);
        assertEquals(0.0, clean.number("noise_std"));
        assertTrue(clean.number("held_out_error") != last, clean.out);
    }

    @Test
    void negativeNoiseIsABadOption() {
        CliRun bad = new CliRun("train", "--noise-std", "-1");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--noise-std"), bad.err);
    }
}
