package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deepfact.engine.experiment.GridText;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.RunSpec;
import org.deepfact.engine.experiment.Shard;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepTables;

/**
 * The files of one shard of a sweep ({@code reproduce <grid> --shard K/N}), named so that all N
 * shards may share one folder: {@code <id>-shard-K-of-N-runs.csv} (the shard's rows, columns of
 * {@code <id>-runs.csv}) and {@code <id>-shard-K-of-N.txt} (what merge checks: the grid as text,
 * its fingerprint, K, N and the run counts). The description is written last, so a shard killed
 * halfway has none and merge reports it missing.
 */
final class ShardFiles {

    /** File name of a shard description: experiment, K, N. */
    static final Pattern DESCRIPTION = Pattern.compile("([a-z]+)-shard-(\\d+)-of-(\\d+)\\.txt");

    private static final int FORMAT = 1;

    /** A shard description as read from its file. */
    record Description(Path file, String experiment, Shard shard, int runs, int gridRuns, String fingerprint,
            String gridText) {

        /** @return the rows file beside the description */
        Path runsCsv() {
            return file.resolveSibling(name(experiment, shard) + "-runs.csv");
        }
    }

    private ShardFiles() {
    }

    static String name(String experiment, Shard shard) {
        return experiment + "-shard-" + shard.index() + "-of-" + shard.count();
    }

    /** Writes the shard's rows, then its description; returns the description file. */
    static Path write(Path dir, SweepGrid grid, Shard shard, List<RunResult> results) throws IOException {
        Files.createDirectories(dir);
        String id = grid.problem().id();
        RunTable.write(dir.resolve(name(id, shard) + "-runs.csv"), results);
        Path file = dir.resolve(name(id, shard) + ".txt");
        String text = "# deepfact reproduce shard: join all " + shard.count() + " with 'deepfact reproduce merge DIR...'\n"
                + "format=" + FORMAT + "\n"
                + "experiment=" + id + "\n"
                + "shard=" + shard + "\n"
                + "runs=" + results.size() + "\n"
                + "grid_runs=" + grid.runs().size() + "\n"
                + "fingerprint=" + GridText.fingerprint(grid) + "\n"
                + "grid=" + GridText.encode(grid) + "\n";
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        return file;
    }

    /** @return the shard descriptions in a folder, by file name */
    static List<Path> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> DESCRIPTION.matcher(f.getFileName().toString()).matches()).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException naming the file and what is missing or malformed, or
     *         where its name and its content disagree
     */
    static Description read(Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw bad(file, "line '" + line + "' is not name=value");
            }
            fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        String format = field(file, fields, "format");
        if (!format.equals(Integer.toString(FORMAT))) {
            throw bad(file, "format " + format + " is not " + FORMAT + " (written by another version of deepfact?)");
        }
        Shard shard;
        int runs;
        int gridRuns;
        try {
            shard = Shard.parse(field(file, fields, "shard"));
            runs = Integer.parseInt(field(file, fields, "runs"));
            gridRuns = Integer.parseInt(field(file, fields, "grid_runs"));
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
        String experiment = field(file, fields, "experiment");
        Matcher m = DESCRIPTION.matcher(file.getFileName().toString());
        if (m.matches() && !(m.group(1) + "-shard-" + m.group(2) + "-of-" + m.group(3))
                .equals(name(experiment, shard))) {
            throw bad(file, "its name does not match its content (experiment=" + experiment + ", shard=" + shard
                    + "); was it renamed?");
        }
        return new Description(file, experiment, shard, runs, gridRuns, field(file, fields, "fingerprint"),
                field(file, fields, "grid"));
    }

    /**
     * Reads a shard's rows and checks each against the run the grid puts there.
     *
     * @return the shard's results, in grid order
     * @throws IllegalArgumentException naming the file, the line and the column that differ
     */
    static List<RunResult> rows(Description d, SweepGrid grid) throws IOException {
        List<RunSpec> all = grid.runs();
        List<RunSpec> expected = d.shard().select(all);
        Path csv = d.runsCsv();
        if (!Files.exists(csv)) {
            throw bad(d.file(), "its rows file " + csv.getFileName() + " is missing");
        }
        List<RunResult> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderNames().equals(SweepTables.RUN_COLUMNS)) {
                throw bad(csv, "its columns " + p.getHeaderNames() + " are not " + SweepTables.RUN_COLUMNS);
            }
            for (CSVRecord rec : p) {
                int i = out.size();
                if (i >= expected.size()) {
                    throw bad(csv, "has more than the " + expected.size() + " rows of shard " + d.shard());
                }
                try {
                    out.add(RunRows.parse(expected.get(i), rec.toList()));
                } catch (IllegalArgumentException e) {
                    throw bad(csv, "line " + (rec.getRecordNumber() + 1) + " " + e.getMessage());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw bad(csv, "is not a readable CSV: " + e.getCause().getMessage());
        }
        if (out.size() != expected.size() || out.size() != d.runs()) {
            throw bad(csv, "has " + out.size() + " rows, shard " + d.shard() + " of this grid has " + expected.size());
        }
        return out;
    }

    private static String field(Path file, Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw bad(file, "it has no '" + name + "='");
        }
        return v;
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException(file + ": " + what);
    }
}
