package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepSummary;
import org.deepfact.engine.experiment.SweepSummary.Group;

/**
 * The files and the printed summary of a completed recovery sweep, however its runs were made
 * (one process, merged shards, Spark tasks): {@code <id>-summary.csv}, the PNG charts, then
 * {@code <id>-runs.csv}, each written atomically; the runs CSV comes last, so when it is there
 * the sweep is complete.
 */
public final class SweepOutput {

    /** The files written. */
    public record Written(Path runsCsv, Path summaryCsv, List<Path> charts) {
    }

    private SweepOutput() {
    }

    /**
     * @param results one result per run of {@code grid.runs()}, in that order
     * @param out where the summary table and the headline are printed
     */
    public static Written write(Path dir, SweepGrid grid, List<RunResult> results, PrintWriter out)
            throws IOException {
        if (results.size() != grid.runs().size()) {
            throw new IllegalStateException("A sweep's output needs all " + grid.runs().size() + " runs, got "
                    + results.size());
        }
        Files.createDirectories(dir);
        String id = grid.problem().id();
        List<Group> groups = SweepSummary.groups(results);
        Path summaryCsv = dir.resolve(id + "-summary.csv");
        RunTable.writeSummary(summaryCsv, groups);
        SweepSummary.Truth truth = SweepSummary.truth(new RecoverySweep(grid));
        List<Path> pngs = SweepCommand.charts(dir, grid, groups, truth);
        Path csv = dir.resolve(id + "-runs.csv");
        RunTable.write(csv, results);
        SweepCommand.printSummary(out, grid, groups, truth);
        return new Written(csv, summaryCsv, pngs);
    }
}
