package org.deepfact.cli.reproduce;

import java.util.List;

import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.SweepGrid;

import picocli.CommandLine.Command;

/** {@code reproduce completion}: Fig. 2 of the paper. */
@Command(name = "completion", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fig. 2 of Arora et al. (NeurIPS 2019): matrix completion of a 100 x 100 rank-5 ground truth "
                + "(||W*||_F = 100) from m in {2000, 5000} uniformly sampled entries; deep matrix factorization of "
                + "depths 1-4 (gaussian init s in {1e-3, 1e-4, 1e-5, 1e-6}, GroupRMSprop lr in {1e-3, 3e-4}, stop at "
                + "train loss 1e-6) and the minimum-nuclear-norm solution (|X_ij - W*_ij| <= 1e-3), 3 repeats as the "
                + "authors' (one ground truth and mask per m, new initialisations; --vary-data also redraws the data): "
                + "194 runs. The authors' notebook plots against 10 x s; the charts here use s.",
            "",
            "Full grid: roughly 1.5 to 2.5 hours on 2 idle cores (extrapolated from measured runs: depth 2 / 3 take "
                + "0.3 / 0.75 ms per iteration and about 31 000 iterations at s = 1e-3, lr = 1e-3; lr 3e-4 needs about "
                + "3.3x and s = 1e-6 about 1.2x (depth 2) to 2x more; 10 000 - 16 000 CPU seconds in all).",
            "--quick: m = 2000, depths 1, 2, 3 and the nuclear norm, s in {1e-3, 1e-4}, lr = 1e-3, 1 repeat (7 runs, "
                + "about 30 s on 2 idle cores, a minute on a busy machine; capped at 100000 iterations, which all runs stay well below).",
            "",
            "Writes to --out: completion-runs.csv (one row per run; columns: experiment, rows, cols, rank, m, method "
                + "(dmf|nuclear), depth, init, init_scale, optimizer, lr, repeat, truth_seed, sample_seed, seed, "
                + "iterations, stop_reason (converged|max_iterations|diverged, spelled as in 'train --json'), "
                + "train_loss, reconstruction_error, nuclear_norm, effective_rank, seconds, repeats_vary (init | "
                + "data+init), noise_std, held_out_error (clean unobserved entries, at the end), best_held_out_error "
                + "and best_held_out_iteration (the best recorded point; empty for nuclear)), completion-summary.csv "
                + "(mean and std per group), and "
                + "completion-m<M>-{reconstruction_error,nuclear_norm,effective_rank}.png (mean with one-std bars "
                + "against s, log axes; dashed lines: nuclear-norm baseline and ground truth; faint squares: values read "
                + "off the authors' notebook, docs/paper-reference.csv). Prints a summary table, the headline ratios "
                + "and the notebook's values beside ours.",
            ""})
public final class CompletionCommand extends SweepCommand {

    public CompletionCommand() {
        super(Problem.COMPLETION);
    }

    @Override
    SweepGrid quick(SweepGrid paper) {
        return reduced(paper, 100, 5, 2000, List.of(1e-3, 1e-4));
    }
}
