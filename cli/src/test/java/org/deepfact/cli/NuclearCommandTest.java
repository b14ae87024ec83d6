package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        NuclearNormResult direct = new NuclearNormSolver(NuclearNormConfig.defaults()).complete(observed,
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
}
