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
    void symmetricFactorizationFitsAPsdTruthAndSaysSoLast() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "2", "--observations", "80",
                "--depth", "2", "--factorization", "symmetric", "--init", "identity", "--init-scale", "1e-4",
                "--optimizer", "gd", "--lr", "1", "--loss-threshold", "1e-8", "--max-iterations", "50000", "--json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.trim().matches("(?s).*\"factorization\": \"symmetric\"\\s*}"), "last field: " + r.out);
        assertEquals("\"converged\"", r.field("stop_reason"), r.out);
        // A PSD truth: W = U U^T can reach it (a general truth would leave the loss far from 0).
        assertTrue(Double.parseDouble(r.field("reconstruction_error")) < 1e-2, r.out);
        CliRun general = new CliRun("train", "--rows", "10", "--cols", "8", "--rank", "2", "--observations", "50", "--depth", "2", "--max-iterations", "1",
                "--json");
        assertEquals("\"general\"", general.field("factorization"), general.out);
        String[][] bad = {{"--depth", "3"}, {"--rows", "10", "--cols", "8", "--observations", "40", "--depth", "2"}, {"--depth", "4", "--width", "5,5"}};
        String[] says = {"even --depth, got 3", "square problem (--rows = --cols), got 10 x 8", "P's hidden layers"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 3];
            args[0] = "train";
            args[1] = "--factorization";
            args[2] = "symmetric";
            System.arraycopy(bad[i], 0, args, 3, bad[i].length);
            CliRun b = new CliRun(args);
            assertEquals(2, b.code, b.err);
            assertTrue(b.err.contains(says[i]), b.err);
        }
    }

    @Test
    void ratingsFileTrainsAndReportsHeldOutMse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("u.data");
        StringBuilder b = new StringBuilder();
        for (int user = 1; user <= 30; user++) {
            for (int item = 1; item <= 20; item++) {
                if ((user * 7 + item * 3) % 5 != 0) { // 80% of the pairs, rank-1 scores 1 .. 5
                    b.append(user).append('\t').append(100 + item).append('\t')
                            .append(1 + (user % 5) * (item % 4) / 3.0).append("\t0\n");
                }
            }
        }
        java.nio.file.Files.writeString(f, b.toString());
        CliRun r = new CliRun("train", "--ratings", f.toString(), "--train-count", "300", "--depth", "2", "--lr",
                "1e-2", "--max-iterations", "2000", "--loss-threshold", "1e-3", "--json");
        assertEquals(0, r.code, r.err);
        assertEquals("20", r.field("rows"), "items are the rows");
        assertEquals("30", r.field("cols"));
        assertTrue(Double.parseDouble(r.field("held_out_mse")) < 0.5, r.out);
        java.nio.file.Files.writeString(f, "1\t101\t4\t0\n2\t101\tx\t0\n");
        CliRun bad = new CliRun("train", "--ratings", f.toString());
        assertEquals(2, bad.code, bad.err);
        assertTrue(bad.err.contains("line 2, field 3 (rating): 'x'"), bad.err);
    }

    @Test
    void badOptionsExitWithTwoNamingTheOptionInOneShortMessage() {
        String[][] cases = {{"--rank", "0"}, {"--lr", "-1"}, {"--init", "xavier"}, {"--rank", "6", "--rows", "5", "--cols", "5"},
            {"--observations", "20000"}, {"--threads", "0"}, {"--width", "5,5", "--depth", "2"}, {"--width", "5", "--depth", "1"},
            {"--depth", "0"}, {"--log-every", "0"}, {"--init-scale", "0"}, {"--optimizer", "sgd"},
            {"--rows", "50000", "--cols", "50000"}};
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "train";
            System.arraycopy(c, 0, args, 1, c.length);
            CliRun r = new CliRun(args);
            String what = String.join(" ", args) + ": " + r.err;
            assertEquals(2, r.code, what);
            assertTrue(r.err.startsWith("deepfact train: "), what);
            assertTrue(r.err.contains(c[0]), "the message names " + c[0] + ": " + what);
            assertTrue(r.err.contains("deepfact train --help"), what);
            assertTrue(r.err.lines().count() <= 3, "no usage dump: " + what);
            assertFalse(r.err.contains("\tat "), what);
            assertTrue(r.out.isEmpty(), what);
        }
    }

    @Test
    void sameSeedSameNumbersAndTheSeedMatters() {
        String[] args = {"train", "--rows", "12", "--cols", "10", "--rank", "2", "--observations", "70", "--depth", "3",
            "--max-iterations", "300", "--json", "--seed", "5"};
        CliRun a = new CliRun(args);
        CliRun b = new CliRun(args);
        args[args.length - 1] = "6";
        CliRun c = new CliRun(args);
        for (String key : new String[] {"train_loss", "reconstruction_error", "nuclear_norm", "effective_rank"}) {
            assertEquals(a.field(key), b.field(key), key);
            assertFalse(a.field(key).equals(c.field(key)), key + " should depend on --seed");
        }
    }

    @Test
    void overflowingInitialisationNamesInitScale() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "2", "--observations", "60",
                "--init-scale", "1e308");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("--init-scale 1e308") && r.err.contains("overflowed"), r.err);
        assertFalse(r.err.contains("learning rate"), r.err);
    }

    @Test
    void aWidthTooLargeForAnArrayNamesWidth() {
        CliRun r = new CliRun("train", "--rows", "3", "--cols", "100000", "--rank", "2");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("--width") && r.err.contains("100000 x 100000"), r.err);
        assertFalse(r.err.contains("size of an integer"), r.err);
    }

    @Test
    void divergenceExitsWithOneAndNamesTheLearningRate() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "2", "--observations", "60",
                "--optimizer", "gd", "--lr", "1e5", "--init-scale", "1");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("learning rate 100000.0"), r.err);
        assertTrue(r.err.startsWith("deepfact: error: ") || r.err.contains("\ndeepfact: error: "),
                "the error starts a line of its own, not after a progress line: " + r.err);
        assertTrue(r.out.isEmpty(), r.out);
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void numbersAreWrittenTheWayAPersonTypesThem() {
        assertEquals("0.001", Format.shortest(1e-3));
        assertEquals("1e-4", Format.shortest(1e-4));
        assertEquals("3e-4", Format.shortest(3e-4));
        assertEquals("1e9", Format.shortest(1e9));
        assertEquals("1", Format.shortest(1));
        assertEquals("0.3", Format.shortest(0.3));
    }

    @Test
    void textModeSummarisesOnStdout() {
        CliRun r = new CliRun("train", "--rows", "10", "--cols", "10", "--rank", "1", "--observations", "60",
                "--lr", "1e-2", "--log-every", "100");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("stopped: converged"), r.out);
        assertTrue(r.out.contains("reconstruction error"), r.out);
        assertTrue(r.out.contains("gaussian init s = 0.001, grouprmsprop lr = 0.01"), r.out);
        assertFalse(r.err.contains("\r"), "no carriage-return redraws when stderr is not a terminal: " + r.err);
    }
}
