package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code deepfact nuclear}: JSON fields equal a direct solver call; options; exit codes. */
class NuclearCommandTest {

    @Test
    void jsonEqualsADirectSolverCallOnTheSameProblem() {
        CliRun r = new CliRun("nuclear", "--rows", "12", "--cols", "10", "--rank", "2", "--observations", "80",
                "--seed", "3", "--json");
        assertEquals(0, r.code, r.err);
        // the documented problem: ground truth from seed, sample from seed + 1
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(12, 10, 2, 3));
        Observations observed = Samplers.uniform(truth, 80, 4);
        NuclearNormResult direct = new NuclearNormSolver(NuclearNormConfig.defaults()).solve(RecoveryProblem.completion(observed),
                ProgressCallback.NONE);
        double sum = 0;
        for (int p = 0; p < truth.data.length; p++) {
            double d = direct.solution().data[p] - truth.data[p];
            sum += d * d;
        }
        // Double.toString round-trips, so the printed numbers must equal the direct ones exactly
        assertEquals(sum / truth.data.length, r.number("reconstruction_error"), 0);
        assertEquals(direct.report().nuclearNorm(), r.number("nuclear_norm"), 0);
        assertEquals(direct.report().iterations(), (int) r.number("iterations"));
        assertEquals(direct.report().maxViolation(), r.number("max_violation"), 0);
        assertTrue(r.number("seconds") >= 0, r.out);
        assertEquals(Boolean.toString(direct.report().converged()), r.field("converged"), "a JSON boolean, unquoted");
        assertEquals(12, (int) r.number("rows"));
        assertEquals(80, (int) r.number("observations"));
        assertEquals(3, (int) r.number("seed"));
    }

    @Test
    void psdSolvesMinimumTraceOnAPsdTruth() {
        CliRun r = new CliRun("nuclear", "--rows", "10", "--cols", "10", "--rank", "2", "--observations", "70",
                "--seed", "3", "--psd", "--json");
        assertEquals(0, r.code, r.err);
        DMatrixRMaj truth = GroundTruth.generate(
                GroundTruthSpec.of(10, 10, 2, 3).withStructure(GroundTruthSpec.Structure.PSD));
        Observations observed = Samplers.uniform(truth, 70, 4);
        NuclearNormResult direct = new NuclearNormSolver(NuclearNormConfig.defaults().withPsd(true))
                .solve(RecoveryProblem.completion(observed), ProgressCallback.NONE);
        assertEquals(direct.report().nuclearNorm(), r.number("nuclear_norm"), 0);
        assertEquals(direct.report().iterations(), (int) r.number("iterations"));
        assertEquals("true", r.field("psd"));
        assertTrue(r.out.trim().endsWith("\"psd\": true}"), "psd is the last field: " + r.out);
        assertEquals("false", new CliRun("nuclear", "--rows", "6", "--cols", "6", "--rank", "1", "--observations",
                "30", "--json").field("psd"));

        CliRun text = new CliRun("nuclear", "--rows", "8", "--cols", "8", "--rank", "1", "--observations", "40",
                "--psd");
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("PSD truth, minimum trace over PSD"), text.out);

        CliRun wide = new CliRun("nuclear", "--rows", "6", "--cols", "8", "--rank", "1", "--observations", "20",
                "--psd");
        assertEquals(2, wide.code, wide.err);
        assertTrue(wide.err.contains("--psd needs a square problem (--rows = --cols), got 6 x 8"), wide.err);
    }

    @Test
    void trainAndNuclearGenerateTheSameProblemFromTheSameOptions() {
        String[] args = {"--rows", "9", "--cols", "7", "--rank", "3", "--observations", "40", "--seed", "11"};
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs(args);
        NuclearCommand nuclear = new NuclearCommand();
        new CommandLine(nuclear).parseArgs(args);
        ProblemOptions.Generated a = train.problem.generate();
        ProblemOptions.Generated b = nuclear.problem.generate();
        assertArrayEquals(a.truth().data, b.truth().data, 0);
        assertArrayEquals(a.observed().values(), b.observed().values(), 0);
        for (int k = 0; k < a.observed().size(); k++) {
            assertEquals(a.observed().row(k), b.observed().row(k));
            assertEquals(a.observed().col(k), b.observed().col(k));
        }
        // and it is the documented problem, not merely the same one twice
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(9, 7, 3, 11));
        assertArrayEquals(truth.data, a.truth().data, 0);
        assertArrayEquals(Samplers.uniform(truth, 40, 12).values(), a.observed().values(), 0);
    }

    @Test
    void textModeNamesTheResults() {
        CliRun r = new CliRun("nuclear", "--rows", "8", "--cols", "8", "--rank", "1", "--observations", "40");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("8 x 8, rank 1, m = 40, seed 0; epsilon 0.001, tolerance 1e-6"), r.out);
        assertTrue(r.out.contains("nuclear_norm"), r.out);
        assertTrue(r.out.contains("max_violation"), r.out);
    }

    @Test
    void badOptionsExitWithTwoAndNoStackTrace() {
        for (String[] args : new String[][] {{"nuclear", "--rank", "0"}, {"nuclear", "--epsilon", "-1"},
            {"nuclear", "--tolerance", "2"}, {"nuclear", "--repeat", "0"}, {"nuclear", "--max-iterations", "0"},
            {"nuclear", "--rows", "4", "--cols", "4", "--observations", "17"}, {"nuclear", "--bogus"},
            {"nuclear", "--seed", "abc"}}) {
            CliRun r = new CliRun(args);
            assertEquals(2, r.code, String.join(" ", args) + ": " + r.err);
            assertFalse(r.err.contains("\tat "), r.err);
            assertFalse(r.err.isBlank(), String.join(" ", args));
        }
    }

    @Test
    void progressGoesToStderrAndStdoutKeepsOnlyTheResults() {
        // --progress-seconds 0: in lines mode (no terminal here) every report of the solver is printed
        String[] problem = {"nuclear", "--rows", "30", "--cols", "30", "--rank", "2", "--observations", "300", "--seed", "5"};
        CliRun json = new CliRun(concat(problem, "--json", "--progress-seconds", "0"));
        assertEquals(0, json.code, json.err);
        assertTrue(json.number("iterations") >= 50, "the run must be long enough to report: " + json.out);
        String out = json.out.trim();
        assertTrue(out.startsWith("{") && out.endsWith("}") && !out.contains("\n"), "stdout is one JSON object: " + out);
        assertFalse(out.contains("iteration 25"), out);
        String[] lines = json.err.split("\\R");
        assertTrue(lines.length >= 2, "a line per report: " + json.err);
        assertTrue(lines[0].startsWith("ADMM iteration 25,") || lines[0].contains("iteration 25,"), json.err);
        assertTrue(json.err.contains("elapsed") && json.err.contains("it/s"), json.err);
        assertFalse(json.err.contains("\r"), "no carriage returns off a terminal: " + json.err);

        CliRun text = new CliRun(concat(problem, "--progress-seconds", "0"));
        assertEquals(0, text.code, text.err);
        assertFalse(text.out.contains("iteration 25,"), text.out);
        assertTrue(text.out.contains("nuclear_norm"), text.out);
        assertTrue(text.err.contains("iteration 25,"), text.err);

        // the default interval (30 s) prints nothing for a run this short; none prints nothing at all
        CliRun quiet = new CliRun(problem);
        assertEquals("", quiet.err);
        CliRun none = new CliRun(concat(problem, "--progress", "none", "--progress-seconds", "0"));
        assertEquals("", none.err);
        assertEquals(text.out.replaceAll("seconds .*", ""), none.out.replaceAll("seconds .*", ""));

        CliRun repeated = new CliRun(concat(problem, "--repeat", "2", "--progress-seconds", "0", "--json"));
        assertTrue(repeated.err.contains("solve 1/2: ") && repeated.err.contains("solve 2/2: "), repeated.err);

        CliRun bad = new CliRun(concat(problem, "--progress", "loud"));
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--progress must be auto, bar, lines or none"), bad.err);
    }

    @Test
    void redrawModeRewritesOneLineAndEndsIt() {
        java.io.StringWriter buffer = new java.io.StringWriter();
        StderrProgress p = new StderrProgress(new java.io.PrintWriter(buffer), ProgressOptions.Mode.REDRAW, 30, 1000);
        p.start("");
        p.progress(0.025, "ADMM iteration 25, long message");
        p.progress(0.05, "ADMM iteration 50");
        p.close();
        String s = buffer.toString();
        assertTrue(s.startsWith("\rADMM iteration 25, long message"), s);
        assertTrue(s.contains("\rADMM iteration 50"), s);
        assertTrue(s.endsWith(System.lineSeparator()), "close ends the line");
        assertEquals(s.length() - System.lineSeparator().length(), s.indexOf('\n') - (System.lineSeparator().length() - 1),
                "the only line break is the one at the end: " + s);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
