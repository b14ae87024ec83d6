package org.deepfact.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormReport;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.metrics.ReconstructionErrors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deepfact nuclear}: the minimum-nuclear-norm baseline on the same generated problem as
 * {@code deepfact train} (ground truth from seed, observations from seed + 1). With
 * {@code --repeat K} it solves K times and reports the median seconds: the benchmark of the
 * solver (science.md target: n = 100, m = 2000, tolerance 1e-6 in under 1 s on one thread).
 * Progress goes to stderr (see {@link StderrProgress}), results to stdout. With {@code --psd}
 * it solves Gunasekar et al.'s baseline instead, min tr(X) over PSD X, on a PSD ground truth
 * U U^T (so the problem is feasible; square only).
 */
@Command(name = "nuclear", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimum nuclear norm completion: min ||X||_* s.t. |X_ij - y_ij| <= epsilon on observed entries.",
            "With --psd: min tr(X) s.t. the same constraints and X positive semidefinite, on a PSD ground truth."})
public final class NuclearCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ProblemOptions problem;

    @Option(names = "--epsilon", defaultValue = "1e-3",
            description = "Constraint slack |X_ij - y_ij| <= epsilon; 0 for equality (default ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Relative primal and dual residual to stop at (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iterations", defaultValue = "20000", description = "Iteration cap (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Solve this many times and report the median seconds (benchmark; default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--psd", description = "Minimise the trace over positive semidefinite X (Gunasekar et al. 2017's"
            + " baseline for W = U U^T; on the PSD cone the trace is the nuclear norm). The ground truth is then"
            + " PSD, U U^T with the same scale; needs --rows = --cols.")
    boolean psd;

    @Option(names = "--json", description = "Print one JSON object with the settings and results instead of text"
            + " (progress still goes to stderr; --progress none silences it).")
    boolean json;

    @Mixin
    ProgressOptions progress;

    private NuclearNormConfig validate() {
        problem.validate();
        ProblemOptions.check(spec, repeat >= 1, "--repeat must be >= 1, got " + repeat);
        progress.mode();
        ProblemOptions.check(spec, !psd || problem.rows == problem.cols,
                "--psd needs a square problem (--rows = --cols), got " + problem.rows + " x " + problem.cols);
        try {
            return NuclearNormConfig.defaults().withEpsilon(epsilon).withTolerance(tolerance)
                    .withMaxIterations(maxIterations).withPsd(psd);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        NuclearNormConfig config = validate();
        PrintWriter out = spec.commandLine().getOut();
        ProblemOptions.Generated generated = problem.generate(
                psd ? GroundTruthSpec.Structure.PSD : GroundTruthSpec.Structure.GENERAL);
        NuclearNormSolver solver = new NuclearNormSolver(config);
        double[] seconds = new double[repeat];
        NuclearNormResult result = null;
        StderrProgress progressLine = new StderrProgress(spec.commandLine().getErr(), progress.mode(),
                progress.lineSeconds(), maxIterations);
        try {
            for (int r = 0; r < repeat; r++) {
                progressLine.start(repeat > 1 ? String.format(Locale.ROOT, "solve %d/%d: ", r + 1, repeat) : "");
                result = solver.solve(RecoveryProblem.completion(generated.observed()), progressLine);
                seconds[r] = result.report().seconds();
            }
        } finally {
            progressLine.close(); // what follows (results, an error) starts on a line of its own
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        NuclearNormReport report = result.report();
        double error = ReconstructionErrors.all(result.solution(), generated.truth()).mse();
        if (json) {
            out.println(problem.describe(new Json()).put("seed", problem.seed).put("epsilon", epsilon)
                    .put("tolerance", tolerance).put("max_iterations", maxIterations).put("repeat", repeat)
                    .put("method", report.method()).put("converged", report.converged())
                    .put("reconstruction_error", error).put("nuclear_norm", report.nuclearNorm())
                    .put("iterations", report.iterations()).put("primal_residual", report.primalResidual())
                    .put("dual_residual", report.dualResidual()).put("max_violation", report.maxViolation())
                    .put("seconds", median).put("seconds_all", seconds).put("psd", psd));
        } else {
            out.printf(Locale.ROOT, "%s, seed %d; epsilon %s, tolerance %s%s%n", problem.describe(), problem.seed,
                    Format.shortest(epsilon), Format.shortest(tolerance),
                    psd ? "; PSD truth, minimum trace over PSD" : "");
            out.printf(Locale.ROOT, "method: %s, %s%n", report.method(),
                    report.converged() ? "converged" : "NOT converged (iteration cap)");
            out.printf(Locale.ROOT, "reconstruction_error %.4e%n", error);
            out.printf(Locale.ROOT, "nuclear_norm         %.8g%n", report.nuclearNorm());
            out.printf(Locale.ROOT, "iterations           %d%n", report.iterations());
            out.printf(Locale.ROOT, "primal/dual residual %.2e / %.2e%n", report.primalResidual(),
                    report.dualResidual());
            out.printf(Locale.ROOT, "max_violation        %.3e%n", report.maxViolation());
            out.printf(Locale.ROOT, "seconds              %.4f%s%n", median,
                    repeat > 1 ? " (median of " + repeat + ", min " + String.format(Locale.ROOT, "%.4f", sorted[0])
                            + ")" : "");
        }
        out.flush();
        return 0;
    }
}
