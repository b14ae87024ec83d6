package org.deepfact.cli.reproduce;

import java.util.List;

import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.SweepGrid;

import picocli.CommandLine.Command;

/** {@code reproduce sensing}: the appendix's matrix-sensing version of Fig. 2. */
@Command(name = "sensing", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The appendix's matrix-sensing version of Fig. 2 (Arora et al., NeurIPS 2019): the grid of "
                + "'reproduce completion' (100 x 100, rank 5, m in {2000, 5000}, depths 1-4, s in {1e-3 .. 1e-6} and the "
                + "appendix's 1e-7, lr in {1e-3, 3e-4}, 3 repeats, and the minimum nuclear norm with |<A_i, X> - y_i| <= 1e-3), but "
                + "from m Gaussian measurements y_i = <A_i, W*>, A_i with i.i.d. N(0, 1/n^2) entries.",
            "",
            "Cost: every iteration touches all m * n^2 entries of the A_i (2e7 at m = 2000; at m = 5000 they no "
                + "longer fit the 256 MiB store and are regenerated each iteration), so the full grid takes "
                + "impractically long on a laptop: about 15 ms per iteration at m = 2000 (8 hours to a day on 2 cores for that half of the grid) and about 210 ms at m = 5000 (one to two weeks). Use --quick, or choose a grid with --size, --rank, --m, --depths, --scales, "
                + "--lrs and --repeats.",
            "--quick: 30 x 30, rank 2, m = 250 (about the paper's ratio of m to the 2nr - r^2 degrees of freedom, 2), "
                + "depths 1, 2, 3 and the nuclear norm, s = 1e-3, lr = 1e-3, 1 repeat: 4 runs, about 20 s on 2 cores.",
            "",
            "Writes to --out: sensing-runs.csv (the columns of 'reproduce completion', experiment = sensing), "
                + "sensing-summary.csv and sensing-m<M>-{reconstruction_error,nuclear_norm,effective_rank}.png; "
                + "prints the summary table and the headline ratios.",
            ""})
public final class SensingCommand extends SweepCommand {

    public SensingCommand() {
        super(Problem.SENSING);
    }

    @Override
    SweepGrid quick(SweepGrid paper) {
        return reduced(paper, 30, 2, 250, List.of(1e-3));
    }
}
