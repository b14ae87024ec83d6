package org.deepfact.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.deepfact.cli.Main;
import org.deepfact.engine.experiment.SweepTables;

import picocli.CommandLine;

/**
 * {@code --shard K/N} and {@code merge}: merged shards equal one run of the whole grid bit for bit
 * (all runs-CSV columns but seconds, the whole summary CSV), and bad shard sets are refused.
 */
class ShardMergeTest {

    /** 7 runs, a few seconds in all: depths 1-3 at two scales and the nuclear norm on 30 x 30. */
    private static final String[] GRID = {"completion", "--quick", "--size", "30", "--rank", "2", "--m", "250",
        "--depths", "1,2,3", "--scales", "1e-3,1e-4", "--max-iterations", "1500", "--progress", "none"};

    @TempDir
    static Path dir;

    private static Path single;
    private static Path shared;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // through Main, as users see it: one "deepfact: error: ..." line for a refused merge
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("reproduce"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] grid(String... more) {
        List<String> all = new ArrayList<>(List.of(GRID));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** One run of the whole grid, and its three shards written into one shared folder. */
    @BeforeAll
    static void runGridWholeAndInThreeShards() {
        single = dir.resolve("single");
        Run r = run(grid("--threads", "2", "--out", single.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().contains("held-out") && !r.out().contains("noise"), "exact data print as before: " + r.out());
        shared = dir.resolve("shards");
        for (int k = 1; k <= 3; k++) {
            r = run(grid("--shard", k + "/3", "--threads", "1", "--out", shared.toString()));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("shard " + k + "/3: "), r.out());
        }
    }

    /**
     * @return the file's lines without the runs CSV's seconds column (found by its header name: it
     *         is no longer the last one since repeats_vary was added after it)
     */
    static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int at = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        assertTrue(at >= 0, "no seconds column in " + lines.get(0));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(at);
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test
    void mergedShardsEqualOneRunBitForBit() throws IOException {
        assertTrue(!Files.exists(shared.resolve("completion-runs.csv")), "a shard never writes the final name");
        // 7 runs dealt round-robin: shards of 3, 2 and 2 rows
        assertEquals(1 + 3, Files.readAllLines(shared.resolve("completion-shard-1-of-3-runs.csv")).size());
        assertEquals(1 + 2, Files.readAllLines(shared.resolve("completion-shard-3-of-3-runs.csv")).size());
        Path merged = dir.resolve("merged");
        Run r = run("merge", shared.toString(), "--out", merged.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("merged from 3 shard(s)"), r.out());
        assertTrue(r.out().contains("headline m = 250"), r.out());
        List<String> one = withoutSeconds(single.resolve("completion-runs.csv"));
        assertEquals(1 + 7, one.size());
        assertEquals(one, withoutSeconds(merged.resolve("completion-runs.csv")));
        assertEquals(Files.readAllLines(single.resolve("completion-summary.csv")),
                Files.readAllLines(merged.resolve("completion-summary.csv")));
        for (String metric : new String[] {"reconstruction_error", "nuclear_norm", "effective_rank"}) {
            assertTrue(Files.size(merged.resolve("completion-m250-" + metric + ".png")) > 1000, metric);
        }
    }

    @Test
    void mergeTakesShardsFromSeveralFolders() throws IOException {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int k = 1; k <= 3; k++) {
            Path sub = dir.resolve("split" + k);
            Files.createDirectories(sub);
            for (String suffix : new String[] {".txt", "-runs.csv"}) {
                String name = "completion-shard-" + k + "-of-3" + suffix;
                Files.copy(shared.resolve(name), sub.resolve(name));
            }
            args.add(sub.toString());
        }
        Path merged = dir.resolve("merged-split");
        args.addAll(List.of("--out", merged.toString()));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(withoutSeconds(single.resolve("completion-runs.csv")),
                withoutSeconds(merged.resolve("completion-runs.csv")));
    }

    private static Path copyShards(String name, int... shards) throws IOException {
        Path sub = dir.resolve(name);
        Files.createDirectories(sub);
        for (int k : shards) {
            for (String suffix : new String[] {".txt", "-runs.csv"}) {
                String file = "completion-shard-" + k + "-of-3" + suffix;
                Files.copy(shared.resolve(file), sub.resolve(file));
            }
        }
        return sub;
    }

    private static String mergeFails(String... args) {
        Run r = run(args);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("deepfact: error: "), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        return r.err();
    }

    @Test
    void refusesMissingDuplicateAndMismatchedShards() throws IOException {
        Path two = copyShards("missing", 1, 3);
        String err = mergeFails("merge", two.toString(), "--out", dir.resolve("x").toString());
        assertTrue(err.contains("Missing shard(s) 2/3 of completion (found [1, 3] of 3)"), err);
        Path again = copyShards("again", 2);
        err = mergeFails("merge", shared.toString(), again.toString(), "--out", dir.resolve("x").toString());
        assertTrue(err.contains("Shard 2/3 is given twice"), err);
        assertTrue(err.contains(again.resolve("completion-shard-2-of-3.txt").toString()), err);
        // a shard made with another seed
        Path other = dir.resolve("other-seed");
        Run r = run(grid("--shard", "2/3", "--seed", "7", "--out", other.toString()));
        assertEquals(0, r.code(), r.err());
        Path mixed = copyShards("mixed", 1, 3);
        Files.copy(other.resolve("completion-shard-2-of-3.txt"), mixed.resolve("completion-shard-2-of-3.txt"));
        Files.copy(other.resolve("completion-shard-2-of-3-runs.csv"), mixed.resolve("completion-shard-2-of-3-runs.csv"));
        err = mergeFails("merge", mixed.toString(), "--out", dir.resolve("x").toString());
        assertTrue(err.contains("are shards of different grids: seed: 7 vs 1"), err);
        err = mergeFails("merge", dir.resolve("single").toString(), "--out", dir.resolve("x").toString());
        assertTrue(err.contains("No shard in"), err);
        assertTrue(!Files.exists(dir.resolve("x")), "nothing written when a merge is refused");
    }

    @Test
    void refusesEditedOrTruncatedShardFilesNamingTheFile() throws IOException {
        Path edited = copyShards("edited", 1, 2, 3);
        Path csv = edited.resolve("completion-shard-2-of-3-runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(1).split(",", -1);
        cells[SweepTables.RUN_COLUMNS.indexOf("truth_seed")] = "12345"; // a row of another grid or seed
        lines.set(1, String.join(",", cells));
        Files.write(csv, lines);
        String err = mergeFails("merge", edited.toString(), "--out", dir.resolve("y").toString());
        assertTrue(err.contains(csv + ": line 2 column truth_seed is '12345' where the grid's run"), err);
        Files.write(csv, Files.readAllLines(shared.resolve(csv.getFileName())).subList(0, 2)); // killed halfway
        err = mergeFails("merge", edited.toString(), "--out", dir.resolve("y").toString());
        assertTrue(err.contains(csv + ": has 1 rows, shard 2/3 of this grid has 2"), err);
        Files.delete(csv);
        err = mergeFails("merge", edited.toString(), "--out", dir.resolve("y").toString());
        assertTrue(err.contains("rows file completion-shard-2-of-3-runs.csv is missing"), err);
        Path txt = edited.resolve("completion-shard-3-of-3.txt");
        Files.writeString(txt, Files.readString(txt).replace("fingerprint=", "fingerprint=0"));
        Files.copy(shared.resolve("completion-shard-2-of-3-runs.csv"), csv);
        err = mergeFails("merge", edited.toString(), "--out", dir.resolve("y").toString());
        assertTrue(err.contains(txt + ": fingerprint 0"), err);
        Files.writeString(txt, "format=1\nexperiment=completion\n");
        err = mergeFails("merge", edited.toString(), "--out", dir.resolve("y").toString());
        assertTrue(err.contains(txt + ": it has no 'shard='"), err);
    }

    /**
     * Noisy data through shards: the merge equals one run (the new columns included, the baseline's
     * empty best cells read back as such), and shards written before the grid had a noise setting
     * are refused naming it.
     */
    @Test
    void noisyShardsMergeToOneRunAndOlderShardsAreRefused() throws IOException {
        // the engine's NoisySweepTest grid: depth 3 fits the noise within the 3000 iterations
        String[] noisy = {"completion", "--size", "12", "--rank", "2", "--m", "60", "--depths", "2,3", "--scales",
            "1e-2", "--lrs", "1e-2", "--repeats", "1", "--max-iterations", "3000", "--seed", "5", "--noise-std", "0.1",
            "--progress", "none"};
        Path one = dir.resolve("noisy-single");
        Run r = run(concat(noisy, "--threads", "2", "--out", one.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("noise std 1e-1"), r.out());
        assertTrue(r.out().contains("best held-out"), r.out());
        assertTrue(r.out().contains("(no notebook values beside ours: the authors' data were exact"), r.out());
        Path parts = dir.resolve("noisy-shards");
        for (int k = 1; k <= 2; k++) {
            r = run(concat(noisy, "--shard", k + "/2", "--threads", "1", "--out", parts.toString()));
            assertEquals(0, r.code(), r.err());
        }
        Path merged = dir.resolve("noisy-merged");
        r = run("merge", parts.toString(), "--out", merged.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = withoutSeconds(one.resolve("completion-runs.csv"));
        assertEquals(rows, withoutSeconds(merged.resolve("completion-runs.csv")));
        assertEquals(Files.readAllLines(one.resolve("completion-summary.csv")),
                Files.readAllLines(merged.resolve("completion-summary.csv")));
        List<String> header = List.of(rows.get(0).split(",", -1));
        assertEquals(List.of("repeats_vary", "noise_std", "held_out_error", "best_held_out_error",
                "best_held_out_iteration"), header.subList(header.size() - 5, header.size()));
        String[] nuclear = rows.get(rows.size() - 1).split(",", -1);
        assertEquals("nuclear", nuclear[header.indexOf("method")]);
        assertEquals("0.1", nuclear[header.indexOf("noise_std")]);
        assertEquals("", nuclear[header.indexOf("best_held_out_error")]);
        assertEquals("", nuclear[header.indexOf("best_held_out_iteration")]);
        String[] deep = rows.get(2).split(",", -1);
        assertEquals("3", deep[header.indexOf("depth")]);
        assertTrue(Double.parseDouble(deep[header.indexOf("best_held_out_error")])
                < Double.parseDouble(deep[header.indexOf("held_out_error")]), rows.get(2));
        // a shard of the version before --noise-std: its grid text has no noiseStd
        Path old = dir.resolve("noisy-old");
        Files.createDirectories(old);
        for (int k = 1; k <= 2; k++) {
            String name = "completion-shard-" + k + "-of-2";
            Files.writeString(old.resolve(name + ".txt"), Files.readString(parts.resolve(name + ".txt"))
                    .replace(";noiseStd=0.1", ""));
            Files.copy(parts.resolve(name + "-runs.csv"), old.resolve(name + "-runs.csv"));
        }
        String err = mergeFails("merge", old.toString(), "--out", dir.resolve("z").toString());
        assertTrue(err.contains("Grid description has no setting 'noiseStd' (written by an older version of "
                + "deepfact? run it again with this one)"), err);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void badShardValuesExitWithUsageCode() {
        for (String bad : new String[] {"0/4", "5/4", "2", "a/b", "1/0"}) {
            Run r = run(grid("--shard", bad, "--out", dir.resolve("bad").toString()));
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--shard: Shard must be K/N"), r.err());
        }
        assertTrue(run(grid("--shard", "0/4")).err().contains("numbered from 1"));
        for (String bad : new String[] {"-0.1", "NaN", "Infinity"}) {
            Run r = run(grid("--noise-std", bad, "--out", dir.resolve("bad").toString()));
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--noise-std must be finite and >= 0, got " + Double.parseDouble(bad)), r.err());
            r = run(grid("--nuclear-epsilon", bad, "--out", dir.resolve("bad").toString()));
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--nuclear-epsilon must be finite and >= 0"), r.err());
        }
    }
}
