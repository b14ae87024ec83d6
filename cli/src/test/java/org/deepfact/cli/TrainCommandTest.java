package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exit codes, messages and JSON fields of {@code deepfact train}. */
class TrainCommandTest {

    @Test
    void jsonHasTheRequiredFields() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "8", "--rank", "2", "--observations", "50", "--depth", "2",
                "--lr", "1e-2", "--json");
        assertEquals(0, r.code, r.err);
        for (String key : new String[] {"rows", "cols", "rank", "observations", "depth", "init", "init_scale",
            "optimizer", "lr", "seed", "threads", "iterations", "stop_reason", "train_loss", "reconstruction_error",
            "nuclear_norm", "effective_rank", "seconds"}) {
            assertTrue(r.out.contains("\"" + key + "\": "), key + " missing in " + r.out);
        }
        assertTrue(r.out.trim().startsWith("{") && r.out.trim().endsWith("}"));
        assertTrue(r.out.contains("\"stop_reason\": \"converged\""), r.out);
    }

    @Test
    void badOptionsExitWithTwoAndNoStackTrace() {
        for (String[] args : new String[][] {{"train", "--rank", "0"}, {"train", "--lr", "-1"},
            {"train", "--init", "xavier"}, {"train", "--rows", "5", "--cols", "5", "--rank", "6"},
            {"train", "--observations", "20000"}}) {
            CliRun r = new CliRun(args);
            assertEquals(2, r.code, String.join(" ", args));
            assertFalse(r.err.contains("\tat "), r.err);
        }
    }

    @Test
    void divergenceExitsWithOneAndNamesTheLearningRate() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "2", "--observations", "60",
                "--optimizer", "gd", "--lr", "1e5", "--init-scale", "1");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("learning rate 100000.0"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void textModeSummarisesOnStdout() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "1", "--observations", "60",
                "--lr", "1e-2", "--log-every", "100");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("stopped: converged"), r.out);
        assertTrue(r.out.contains("reconstruction error"), r.out);
    }
}
