package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.deepfact.engine.experiment.GridText;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.SweepGrid;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reproduce merge DIR...}: joins the shards of a sweep into the files of one run. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Joins the outputs of 'reproduce completion|sensing --shard K/N' (K = 1 .. N, each run anywhere, e.g. "
                + "as a SLURM array job) into the files one run of the whole grid writes: <experiment>-runs.csv, "
                + "<experiment>-summary.csv and the PNG charts, equal to a single run's bit for bit except the "
                + "seconds column. Prints the summary table.",
            "",
            "Reads every <experiment>-shard-K-of-N.txt (and its -runs.csv) in the given folders. Refuses, naming "
                + "the files: a missing or duplicate shard, shards of different grids (and which settings "
                + "differ), and rows that are not the runs the grid puts there.",
            ""})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders holding the shards (one or several).")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deepfact-out",
            description = "Folder for the merged CSV and PNG files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        Map<String, List<ShardFiles.Description>> byExperiment = new LinkedHashMap<>();
        for (Path dir : dirs) {
            List<Path> found = ShardFiles.find(dir);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("No shard in " + dir + " (looked for <experiment>-shard-K-of-N.txt, "
                        + "written by 'reproduce completion|sensing --shard K/N')");
            }
            for (Path f : found) {
                ShardFiles.Description d = ShardFiles.read(f);
                byExperiment.computeIfAbsent(d.experiment(), k -> new ArrayList<>()).add(d);
            }
        }
        for (List<ShardFiles.Description> shards : byExperiment.values()) {
            SweepGrid grid = check(shards);
            List<RunResult> results = join(grid, shards);
            pw.printf(Locale.ROOT, "reproduce merge: %s, %d shard(s) of grid %s (%d runs); output in %s%n",
                    grid.problem().id(), shards.size(), GridText.fingerprint(grid), results.size(), out);
            SweepOutput.Written w = SweepOutput.write(out, grid, results, pw);
            pw.printf(Locale.ROOT, "%nWrote %s (one row per run), %s and %d PNG chart(s) in %s, merged from %d "
                    + "shard(s).%n", w.runsCsv().getFileName(), w.summaryCsv().getFileName(), w.charts().size(), out,
                    shards.size());
            pw.flush();
        }
        return 0;
    }

    /**
     * @return the grid all shards share
     * @throws IllegalArgumentException for shards of different grids, a duplicate or missing shard
     */
    static SweepGrid check(List<ShardFiles.Description> shards) {
        ShardFiles.Description first = shards.get(0);
        Map<Integer, ShardFiles.Description> byIndex = new TreeMap<>();
        for (ShardFiles.Description d : shards) {
            if (!d.gridText().equals(first.gridText())) {
                throw new IllegalArgumentException(d.file() + " and " + first.file() + " are shards of different "
                        + "grids: " + String.join("; ", GridText.differences(d.gridText(), first.gridText())));
            }
            if (d.shard().count() != first.shard().count()) {
                throw new IllegalArgumentException(d.file() + " is shard " + d.shard() + " but " + first.file()
                        + " is shard " + first.shard() + ": all shards of a merge must be of the same N");
            }
            ShardFiles.Description twin = byIndex.put(d.shard().index(), d);
            if (twin != null) {
                throw new IllegalArgumentException("Shard " + d.shard() + " is given twice: " + twin.file() + " and "
                        + d.file());
            }
        }
        int n = first.shard().count();
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing shard(s) " + String.join(", ", missing) + " of " + first
                    .experiment() + " (found " + byIndex.keySet() + " of " + n + "); a shard that did not finish "
                    + "has no " + first.experiment() + "-shard-K-of-" + n + ".txt");
        }
        SweepGrid grid;
        try {
            grid = GridText.decode(first.gridText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(first.file() + ": " + e.getMessage(), e);
        }
        String fingerprint = GridText.fingerprint(grid);
        for (ShardFiles.Description d : byIndex.values()) {
            if (!fingerprint.equals(d.fingerprint())) {
                throw new IllegalArgumentException(d.file() + ": fingerprint " + d.fingerprint()
                        + " does not match its grid (" + fingerprint + "); was the file edited?");
            }
        }
        if (grid.runs().size() != first.gridRuns()) {
            throw new IllegalArgumentException(first.file() + ": says the grid has " + first.gridRuns()
                    + " runs, this version of deepfact makes " + grid.runs().size() + " of it");
        }
        return grid;
    }

    /** @return every run's result in grid order, read from the shards and checked against the grid */
    static List<RunResult> join(SweepGrid grid, List<ShardFiles.Description> shards) throws IOException {
        int total = grid.runs().size();
        RunResult[] all = new RunResult[total];
        for (ShardFiles.Description d : shards) {
            List<RunResult> rows = ShardFiles.rows(d, grid);
            List<Integer> positions = d.shard().positions(total);
            for (int i = 0; i < rows.size(); i++) {
                all[positions.get(i)] = rows.get(i);
            }
        }
        return List.of(all);
    }
}
