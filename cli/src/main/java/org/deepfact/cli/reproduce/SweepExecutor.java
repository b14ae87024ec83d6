package org.deepfact.cli.reproduce;

import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.Shard;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepRunner;

/**
 * Where the runs of {@code reproduce completion|sensing} execute: on local threads (the
 * command line) or as Spark tasks (the Spark application plugs in its own). Everything before
 * (the grid) and after (CSV, charts, summary) is the same code, so both write the same files.
 */
public interface SweepExecutor {

    /** Local threads, each run single-threaded ({@link RecoverySweep#execute}). */
    SweepExecutor LOCAL = (grid, shard, threads, listener) -> new RecoverySweep(grid)
            .execute(shard.select(grid.runs()), threads, listener, ProgressCallback.NONE);

    /**
     * @param grid the validated grid
     * @param shard the part of the grid to run ({@link Shard#ALL} for all of it)
     * @param threads the user's {@code --threads}
     * @param listener progress receiver
     * @return one result per run of {@code shard.select(grid.runs())}, in that order
     */
    List<RunResult> execute(SweepGrid grid, Shard shard, int threads, SweepRunner.Listener listener);

    /** @return where the runs go, for messages, e.g. "2 thread(s)" */
    default String where(int threads) {
        return threads + " thread(s)";
    }
}
