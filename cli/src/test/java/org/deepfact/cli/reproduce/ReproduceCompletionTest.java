package org.deepfact.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deepfact.engine.experiment.SweepTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Runs {@code reproduce completion --quick} on a tiny grid, end to end, in a few seconds. */
class ReproduceCompletionTest {

    /** 30 x 30 rank 2 from 250 entries: the paper's m / degrees-of-freedom ratio (about 2). */
    private static final String[] TINY = {"completion", "--quick", "--size", "30", "--rank", "2", "--m", "250",
        "--progress", "none"};

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(SweepTables.RUN_COLUMNS, p.getHeaderNames());
            return p.getRecords();
        }
    }

    @Test
    void quickOnATinyGridWritesTheCsvAndChartsAndDepthThreeBeatsDepthTwo(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, with(TINY, "--depths", "2,3", "--scales", "1e-3", "--out", dir.toString()));
        assertEquals(0, code, err.toString());
        List<CSVRecord> rows = read(dir.resolve("completion-runs.csv"));
        assertEquals(List.of("experiment", "rows", "cols", "rank", "m", "method", "depth", "init", "init_scale",
                "optimizer", "lr", "repeat", "truth_seed", "sample_seed", "seed", "iterations", "stop_reason",
                "train_loss", "reconstruction_error", "nuclear_norm", "effective_rank", "seconds", "repeats_vary",
                "noise_std", "held_out_error", "best_held_out_error", "best_held_out_iteration"),
                SweepTables.RUN_COLUMNS);
        assertEquals(3, rows.size()); // depth 2, depth 3, nuclear norm
        double depth2 = Double.NaN;
        double depth3 = Double.NaN;
        for (CSVRecord r : rows) {
            assertEquals("completion", r.get("experiment"));
            if (r.get("method").equals("dmf")) {
                assertEquals("converged", r.get("stop_reason"));
                assertTrue(Double.parseDouble(r.get("train_loss")) <= 1e-6);
                double e = Double.parseDouble(r.get("reconstruction_error"));
                if (r.get("depth").equals("2")) {
                    depth2 = e;
                } else if (r.get("depth").equals("3")) {
                    depth3 = e;
                }
            } else {
                assertEquals("nuclear", r.get("method"));
                assertEquals("", r.get("depth"));
            }
        }
        assertTrue(depth3 < depth2 / 10, "depth 3 error " + depth3 + " should beat depth 2 error " + depth2);
        for (String metric : new String[] {"reconstruction_error", "nuclear_norm", "effective_rank"}) {
            Path png = dir.resolve("completion-m250-" + metric + ".png");
            assertTrue(Files.size(png) > 1000, png + " missing or empty");
        }
        assertTrue(Files.exists(dir.resolve("completion-summary.csv")));
        String printed = out.toString();
        assertTrue(printed.contains("headline m = 250"), printed);
        assertTrue(printed.contains("init scales [1e-3], lr [1e-3]"), "settings as they are typed: " + printed);
        assertTrue(printed.contains("ground truth: nuclear norm"), printed);
    }

    @Test
    void sameNumbersForOneAndTwoThreads(@TempDir Path dir) throws IOException {
        List<List<String>> tables = new ArrayList<>();
        for (String threads : new String[] {"1", "2"}) {
            Path sub = dir.resolve("t" + threads);
            StringWriter err = new StringWriter();
            int code = run(new StringWriter(), err, with(TINY, "--depths", "1,2,3", "--max-iterations", "1500",
                    "--scales", "1e-3,1e-4", "--threads", threads, "--out", sub.toString()));
            assertEquals(0, code, err.toString());
            List<String> lines = new ArrayList<>();
            for (CSVRecord r : read(sub.resolve("completion-runs.csv"))) {
                List<String> values = new ArrayList<>(r.toList());
                values.remove(SweepTables.RUN_COLUMNS.indexOf("seconds")); // the only column allowed to differ
                lines.add(String.join(",", values));
            }
            tables.add(lines);
        }
        assertEquals(3 * 2 + 1, tables.get(0).size());
        assertEquals(tables.get(0), tables.get(1));
    }

    @Test
    void badOptionsExitWithUsageCode(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "completion", "--threads", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("--threads must be >= 1"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "completion", "--depths", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("Depth must be >= 1"), err.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "completion", "--scales", "abc"));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "completion", "--m", "20000", "--size", "100"));
        assertEquals(2, run(new StringWriter(), new StringWriter()));
    }
}
