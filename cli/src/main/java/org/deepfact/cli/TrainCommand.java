package org.deepfact.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Ratings;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.train.BestRecord;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.InitialisationOverflowException;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepfact train}: generate a low-rank ground truth, sample observations uniformly
 * without replacement, train a deep matrix factorization and report the paper's metrics.
 * Seeds: ground truth = seed, observations = seed + 1, initialisation = seed + 2.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate -> sample -> train a deep matrix factorization (defaults: the paper's).",
            "With --json, fields shared with the 'reproduce' CSVs (init, init_scale, optimizer, lr, iterations, "
                + "stop_reason, train_loss, reconstruction_error, nuclear_norm, effective_rank, seconds) have the "
                + "same names and spellings; stop_reason is converged or max_iterations (the CSVs add diverged).",
            "The history also records the held-out error: the mean squared error on the unobserved entries "
                + "(their clean values). With --noise-std the observations are noisy and this error turns back up "
                + "once the noise is fitted; --json reports held_out_error (at the end), best_held_out_error and "
                + "best_held_out_iteration (the best recorded point: where early stopping would stop).",
            "--factorization symmetric trains W = P P^T with P = W_{N/2} ... W_1 (Gunasekar et al. 2017; depth 2 is "
                + "U U^T): it needs an even --depth and a square problem, --width then gives P's N/2 - 1 hidden widths, "
                + "and the generated ground truth is PSD (U U^T / sqrt(r)) instead of general. --init-scale stays "
                + "the end-to-end scale: identity init gives W(0) = s I (Gunasekar's U(0) = alpha I is s = alpha^2). "
                + "--json then ends with factorization."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ProblemOptions problem;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--depth", defaultValue = "3", description = "Depth N of the factorization (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--width", split = ",", paramLabel = "W",
            description = "Hidden width(s): one value for every hidden layer or N-1 comma-separated values "
                    + "(default: cols).")
    int[] width;

    @Option(names = "--factorization", defaultValue = "general", converter = ChoiceOptions.Factorization.class,
            completionCandidates = ChoiceOptions.Factorization.class,
            description = "End-to-end form: ${COMPLETION-CANDIDATES}; symmetric is W = P P^T on a PSD truth (default "
                    + "${DEFAULT-VALUE}).")
    Factorization factorization;

    @Option(names = "--init", defaultValue = "gaussian", converter = ChoiceOptions.Init.class,
            completionCandidates = ChoiceOptions.Init.class,
            description = "Initialisation: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    InitKind init;

    @Option(names = "--init-scale", defaultValue = "1e-3", description = "Initialisation scale s (default ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--optimizer", defaultValue = "grouprmsprop", converter = ChoiceOptions.Optimizer.class,
            completionCandidates = ChoiceOptions.Optimizer.class,
            description = "Optimizer: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OptimizerKind optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--max-iterations", defaultValue = "1000000",
            description = "Iteration cap (default ${DEFAULT-VALUE}).")
    long maxIterations;

    @Option(names = "--loss-threshold", defaultValue = "1e-6",
            description = "Stop when the train loss is at most this (default ${DEFAULT-VALUE}).")
    double lossThreshold;

    @Option(names = "--log-every", defaultValue = "1000",
            description = "Record metrics every k iterations (default ${DEFAULT-VALUE}).")
    long logEvery;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for dense products (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print one JSON object with the settings and results instead of text"
            + " (no progress unless --progress is given).")
    boolean json;

    @Option(names = "--ratings", paramLabel = "FILE",
            description = "Train on a ratings file instead of a generated problem: MovieLens u.data (user, item, "
                    + "rating, timestamp, tab-separated) or CSV with a header naming user / userId, item / movieId and "
                    + "rating. Items are the rows, users the columns; --rows, --cols, --rank and --observations do "
                    + "not apply. Reports the held-out MSE.")
    java.nio.file.Path ratingsFile;

    @Option(names = "--train-count", defaultValue = "10000", paramLabel = "N",
            description = "With --ratings: ratings drawn with --seed for training, the rest held out "
                    + "(default ${DEFAULT-VALUE}, the paper's).")
    int trainCount;

    @Option(names = "--alignment", description = "Also record how the gradient aligns with W's singular vectors "
            + "(mean and spread of the diagonal and off-diagonal of |U^T G V|, the authors' diagnostic) at every "
            + "record; costs a full SVD with vectors each time. Printed as columns, and in --json as alignment_*.")
    boolean alignment;

    private void check(boolean ok, String message) {
        ProblemOptions.check(spec, ok, message);
    }

    private void validate() {
        problem.validate();
        check(depth >= 1, "--depth must be >= 1, got " + depth);
        boolean symmetric = factorization == Factorization.SYMMETRIC;
        if (symmetric) {
            check(depth % 2 == 0, "--factorization symmetric (W = P P^T) needs an even --depth, got " + depth);
            check(ratingsFile == null, "--factorization symmetric does not apply to --ratings (items x users is "
                    + "not a symmetric matrix)");
            check(problem.rows == problem.cols, "--factorization symmetric needs a square problem (--rows = --cols), "
                    + "got " + problem.rows + " x " + problem.cols);
        }
        int hidden = factorization.factorCount(depth) - 1;
        if (width != null) {
            check(hidden >= 1, "--width does not apply to --depth " + depth + (symmetric ? " symmetric" : "")
                    + " (no hidden layers)");
            check(width.length == 1 || width.length == hidden, "--width takes one value for every hidden layer"
                    + (hidden > 1 ? " or " + hidden + " comma-separated values" : "") + " with --depth " + depth
                    + (symmetric ? " symmetric (P's hidden layers)" : "") + ", got " + width.length + " values");
            for (int w : width) {
                check(w >= 1, "--width values must be >= 1, got " + w);
            }
        }
        check(initScale > 0 && Double.isFinite(initScale), "--init-scale must be finite and > 0, got " + initScale);
        check(lr > 0 && Double.isFinite(lr), "--lr must be finite and > 0, got " + lr);
        check(maxIterations >= 0, "--max-iterations must be >= 0, got " + maxIterations);
        check(lossThreshold >= 0 && Double.isFinite(lossThreshold),
                "--loss-threshold must be finite and >= 0, got " + lossThreshold);
        check(logEvery >= 1, "--log-every must be >= 1, got " + logEvery);
        check(threads >= 1, "--threads must be >= 1, got " + threads);
        int[] dims = Widths.resolve(problem.rows, problem.cols, factorization.factorCount(depth), hiddenWidths());
        try {
            Widths.requireFits(dims);
        } catch (IllegalArgumentException e) {
            check(false, "--width: " + e.getMessage().replace("use smaller hidden widths (they default to the "
                    + "number of columns, ", "pass a smaller --width (the default is --cols, "));
        }
    }

    /** Refuses, before allocating, a run the Java heap cannot hold (exit 1, like running out of memory). */
    private void requireMemory() {
        long needed = Trainer.estimateBytes(problem.rows, problem.cols, TrainingConfig.builder().depth(depth)
                .factorization(factorization).hiddenWidths(hiddenWidths()).optimizer(optimizer).build(), 0);
        HeapCheck.require(needed, String.format(Locale.ROOT, "a depth-%d factorization of a %d x %d matrix%s", depth,
                problem.rows, problem.cols, width == null ? "" : " with hidden widths "
                        + java.util.Arrays.toString(hiddenWidths())), "a smaller problem or --width", "train");
    }

    private int[] hiddenWidths() {
        if (width == null || factorization.factorCount(depth) == 1) {
            return null;
        }
        if (width.length == 1) {
            int[] all = new int[factorization.factorCount(depth) - 1];
            java.util.Arrays.fill(all, width[0]);
            return all;
        }
        return width;
    }

    @Override
    public Integer call() {
        validate();
        requireMemory();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ratings ratings = ratingsFile == null ? null : readRatings();
        RecoveryProblem trainingProblem;
        if (ratings != null) {
            try {
                trainingProblem = ratings.split(trainCount, problem.seed + 1);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--train-count: " + e.getMessage());
            }
        } else {
            // W = P P^T is PSD: its ground truth is too (a general or indefinite one cannot be fitted).
            ProblemOptions.Generated generated = problem.generate(factorization == Factorization.SYMMETRIC
                    ? GroundTruthSpec.Structure.PSD : GroundTruthSpec.Structure.GENERAL);
            trainingProblem = RecoveryProblem.completion(generated.observed()).withGroundTruth(generated.truth());
            if (generated.heldOut() != null) { // the clean unobserved entries: where early stopping is judged
                trainingProblem = trainingProblem.withHeldOut(generated.heldOut());
            }
        }
        TrainingConfig config = TrainingConfig.builder().depth(depth).factorization(factorization)
                .hiddenWidths(hiddenWidths())
                .init(init).initScale(initScale).optimizer(optimizer)
                .learningRate(lr).maxIterations(maxIterations).lossThreshold(lossThreshold).logEvery(logEvery)
                .alignment(alignment).seed(problem.seed + 2).threads(threads).build();
        // --json keeps stderr quiet too unless progress is asked for explicitly
        ProgressOptions.Mode mode = json && progressOptions.isAuto() ? ProgressOptions.Mode.NONE : progressOptions.mode();
        StderrProgress progress = new StderrProgress(err, mode, progressOptions.lineSeconds(), maxIterations);
        TrainingResult result;
        try {
            result = Trainer.train(trainingProblem, config, progress);
        } catch (InitialisationOverflowException e) {
            throw new IllegalArgumentException("--init-scale " + Format.shortest(initScale) + " is too large for --depth "
                    + depth + ": the initialisation overflowed (train loss " + e.loss() + " at iteration 0); use a "
                    + "smaller --init-scale", e);
        } finally {
            progress.close(); // an error message then starts on a line of its own
        }
        HistoryRecord last = result.last();
        BestRecord best = BestRecord.of(result.history());
        if (json) {
            Json j = (ratings == null ? problem.describe(new Json()) : new Json().put("ratings", ratingsFile.toString())
                    .put("rows", ratings.rows()).put("cols", ratings.cols()).put("ratings_count", ratings.size())
                    .put("train_count", trainCount)).put("depth", depth)
                    .put("width", width == null ? "cols" : java.util.Arrays.toString(hiddenWidths()))
                    .put("init", init.id()).put("init_scale", initScale).put("optimizer", optimizer.id())
                    .put("lr", lr).put("max_iterations", maxIterations).put("loss_threshold", lossThreshold)
                    .put("seed", problem.seed).put("threads", threads).put("iterations", result.iterations())
                    .put("stop_reason", result.stopReason().id())
                    .put("train_loss", last.trainLoss()).put("reconstruction_error", last.reconstructionError())
                    .put("nuclear_norm", last.nuclearNorm()).put("effective_rank", last.effectiveRank())
                    .put("schatten_2_over_n", last.schattenQuasiNorm()).put("stable_rank", last.stableRank())
                    .put("top_singular_values", last.topSingularValues()).put("seconds", result.seconds())
                    .put("held_out_error", last.heldOutError())
                    .put("best_held_out_error", best == null ? Double.NaN : best.error())
                    .put("best_held_out_iteration", best == null ? -1 : best.iteration())
                    .put("schatten_sum_2_over_n", last.schattenSum());
            if (ratings != null) {
                j.put("held_out_mse", last.heldOutError());
            }
            if (alignment) {
                j.put("alignment_diagonal_mean", last.alignmentDiagonalMean())
                        .put("alignment_diagonal_std", last.alignmentDiagonalSpread())
                        .put("alignment_off_diagonal_mean", last.alignmentOffDiagonalMean())
                        .put("alignment_off_diagonal_std", last.alignmentOffDiagonalSpread());
            }
            j.put("factorization", factorization.id());
            out.println(j);
        } else {
            printText(out, result, ratings);
        }
        out.flush();
        return 0;
    }

    private Ratings readRatings() {
        try {
            return Ratings.read(ratingsFile);
        } catch (java.io.IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ratings: cannot read " + ratingsFile
                    + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ratings: " + e.getMessage());
        }
    }

    private void printText(PrintWriter out, TrainingResult result, Ratings ratings) {
        out.printf(Locale.ROOT, "%10s  %-10s  %-10s  %-10s  %-8s  %s%s%n", "iteration", "loss", "error", "nuclear",
                "eff.rank", alignment ? "|U^T G V| diag mean (std), off-diag mean (std)  " : "", "sigma_1..5");
        for (HistoryRecord h : result.history()) {
            double[] s = h.topSingularValues();
            StringBuilder sigmas = new StringBuilder();
            for (int i = 0; i < Math.min(5, s.length); i++) {
                sigmas.append(String.format(Locale.ROOT, "%.3g ", s[i]));
            }
            String align = !alignment ? "" : String.format(Locale.ROOT, "%.3e (%.3e), %.3e (%.3e)  ",
                    h.alignmentDiagonalMean(), h.alignmentDiagonalSpread(), h.alignmentOffDiagonalMean(),
                    h.alignmentOffDiagonalSpread());
            out.printf(Locale.ROOT, "%10d  %.4e  %.4e  %.4e  %8.3f  %s%s%n", h.iteration(), h.trainLoss(),
                    h.testError(), h.nuclearNorm(), h.effectiveRank(), align, sigmas.toString().trim());
        }
        HistoryRecord last = result.last();
        String what = ratings == null ? problem.describe() : String.format(Locale.ROOT,
                "ratings %s: %d items x %d users, %d ratings, %d for training, the rest held out", ratingsFile,
                ratings.rows(), ratings.cols(), ratings.size(), trainCount);
        out.printf(Locale.ROOT, "%n%s; depth %d%s%s, %s init s = %s, %s lr = %s, seed %d%n", what, depth,
                factorization == Factorization.SYMMETRIC ? " symmetric (W = P P^T, PSD truth)" : "",
                width == null || depth == 1 ? "" : ", hidden widths " + java.util.Arrays.toString(hiddenWidths()),
                init.id(), Format.shortest(initScale), optimizer.id(), Format.shortest(lr), problem.seed);
        out.printf(Locale.ROOT, "stopped: %s after %d iterations in %.2f s (%.0f it/s)%n",
                result.stopReason().id(), result.iterations(), result.seconds(),
                result.iterations() / Math.max(1e-9, result.seconds()));
        out.printf(Locale.ROOT, "train loss %.4e, %s %.4e, nuclear norm %.4f, effective rank %.3f%n",
                last.trainLoss(), ratings == null ? "reconstruction error" : "held-out MSE", last.testError(),
                last.nuclearNorm(), last.effectiveRank());
        BestRecord best = BestRecord.of(result.history());
        if (ratings == null && best != null && best.heldOut()) {
            out.printf(Locale.ROOT, "held-out error (clean unobserved entries) %.4e at the end, best %.4e at iteration %d"
                    + " (recorded every %d)%n", last.heldOutError(), best.error(), best.iteration(), logEvery);
        }
    }
}
