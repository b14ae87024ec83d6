package org.deepfact.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deepfact.engine.experiment.GunasekarExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code reproduce gunasekar} end to end on a tiny grid. */
class ReproduceGunasekarTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesOneRowPerRunTheChartsAndTheHeadline(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "gunasekar", "--size", "10", "--rank", "2", "--measurements", "5", "--observed", "30",
                "--alphas", "1,0.03", "--depths", "2,4", "--threads", "2", "--progress", "none", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("headline: commuting (Theorem 1)"), out.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("gunasekar-runs.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(GunasekarCommand.COLUMNS, p.getHeaderNames());
            assertEquals(List.of("setting", "depth", "alpha", "init_scale", "learning_rate", "trace", "min_trace", "gap",
                    "relative_loss", "reconstruction_error", "baseline_error", "effective_rank", "iterations",
                    "stop_reason", "seconds", "off_commuting"), p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(2 * 2 * 2, rows.size());
            for (CSVRecord row : rows) {
                double alpha = Double.parseDouble(row.get("alpha"));
                assertEquals(alpha * alpha, Double.parseDouble(row.get("init_scale")), 1e-15, "s = alpha^2");
                double trace = Double.parseDouble(row.get("trace"));
                double min = Double.parseDouble(row.get("min_trace"));
                assertEquals((trace - min) / min, Double.parseDouble(row.get("gap")), 1e-12);
                assertEquals(row.get("setting").equals("commuting"), !row.get("off_commuting").isEmpty());
            }
        }
        for (String f : new String[] {"gunasekar-gap.png", "gunasekar-error.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
    }

    @Test
    void theHeadlineGoesFromTheLargestToTheSmallestAlphaInAnyOrder(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "gunasekar", "--size", "10", "--rank", "2", "--measurements", "5", "--observed", "30",
                "--alphas", "0.01,1", "--depths", "2", "--progress", "none", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        java.util.Map<String, Double> gap = new java.util.HashMap<>();
        java.util.Map<String, Double> error = new java.util.HashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("gunasekar-runs.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : p.getRecords()) {
                String key = row.get("setting") + " " + Double.parseDouble(row.get("alpha"));
                gap.put(key, Double.parseDouble(row.get("gap")));
                error.put(key, Double.parseDouble(row.get("reconstruction_error")));
            }
        }
        String headline = out.toString().lines().filter(l -> l.startsWith("headline:")).findFirst().orElseThrow();
        assertTrue(headline.contains("gap from alpha = 1e+0 to 1e-2:"), headline);
        assertTrue(headline.contains(String.format(java.util.Locale.ROOT, "depth 2 %.3g -> %.3g;",
                gap.get("commuting 1.0"), gap.get("commuting 0.01"))), headline + " vs " + gap);
        assertTrue(headline.contains(String.format(java.util.Locale.ROOT, "depth 2 %.3g (error %.3g);",
                gap.get("completion 0.01"), error.get("completion 0.01"))), headline + " vs " + gap);
    }

    @Test
    void sizeAloneScalesTheMeasurementsAndTheObservedEntries(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // --size 10 alone: m = 10 / 2 = 5 (not the default 15 >= 10) and round(120/900 * 100) = 13 entries.
        int code = run(out, err, "gunasekar", "--size", "10", "--alphas", "1", "--depths", "2", "--progress", "none",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("(a) 5 commuting measurements, (b) 13 observed entries"), out.toString());
        GunasekarExperiment d = GunasekarExperiment.defaults(1);
        assertEquals(d, d.withSize(30), "the defaults are the proportions at 30");
        GunasekarExperiment f = GunasekarExperiment.full(1).withSize(30);
        assertEquals(List.of(15, 180), List.of(f.measurements(), f.observed()), "--full keeps its 20%");
    }

    @Test
    void aGridTheHeapCannotHoldIsRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        // 20000 x 20000: the minimum-trace solver alone needs 16 n^2 doubles (51 GB).
        ShardMergeTest.Run r = ShardMergeTest.run("gunasekar", "--size", "20000", "--measurements", "1", "--observed",
                "1", "--threads", "1", "--progress", "none", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("reproduce gunasekar at 20000 x 20000") && r.err().contains("needs about")
                && r.err().contains("-Xmx") && r.err().contains("./deepfact reproduce gunasekar"), r.err());
        assertTrue(!Files.exists(out), "nothing written");
        GunasekarExperiment d = GunasekarExperiment.defaults(1);
        assertTrue(d.estimateBytes(2) > d.estimateBytes(1), "two tasks at a time hold more");
        // The commuting operator's 15 stored A_i (15 n^2) and Q, plus the solver's 16 n^2 at least.
        assertTrue(d.estimateBytes(1) >= 8L * (15 * 900 + 900 + 16 * 900), "" + d.estimateBytes(1));
    }

    @Test
    void badOptionsNameTheSetting(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "gunasekar", "--depths", "3", "--out", dir.toString()));
        assertTrue(err.toString().contains("Depth must be even"), err.toString());
        assertEquals(2, run(out, err, "gunasekar", "--measurements", "30", "--out", dir.toString()));
        assertTrue(err.toString().contains("Commuting measurements"), err.toString());
    }
}
