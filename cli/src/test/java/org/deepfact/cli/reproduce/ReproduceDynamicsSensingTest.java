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
import org.deepfact.engine.experiment.SweepTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code reproduce dynamics} and {@code reproduce sensing} end to end on tiny problems. */
class ReproduceDynamicsSensingTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static CSVParser parse(Reader r) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
    }

    @Test
    void dynamicsWritesSingularValuesPerIterationAndDepthThreeFindsTheRank(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "dynamics", "--size", "20", "--rank", "2", "--m", "160", "--log-every", "50",
                "--lr", "1", "--top", "4", "--max-iterations", "20000", "--progress", "lines", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        // progress on the command's stderr (one line per finished run), results on stdout
        assertTrue(err.toString().contains("dynamics: 100%  3/3 runs"), err.toString());
        assertTrue(!out.toString().contains("runs  0:"), out.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("dynamics-singular-values.csv")); CSVParser p = parse(r)) {
            assertEquals(List.of("experiment", "depth", "iteration", "train_loss", "reconstruction_error",
                    "effective_rank", "sigma_1", "sigma_2", "sigma_3", "sigma_4", "schatten_sum_2_over_n",
                    "alignment_diagonal_mean", "alignment_diagonal_std", "alignment_off_diagonal_mean",
                    "alignment_off_diagonal_std"), p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals("0", rows.get(0).get("iteration"));
            // the step check's extra records (t = 51, 101, ...) stay out of this table
            assertEquals("50", rows.get(1).get("iteration"));
            assertTrue(Double.parseDouble(rows.get(1).get("alignment_diagonal_mean")) > 0);
            // Identity init: all singular values start at s = 1e-3.
            assertEquals(1e-3, Double.parseDouble(rows.get(0).get("sigma_4")), 1e-12);
            CSVRecord lastDepth3 = null;
            for (CSVRecord row : rows) {
                if (row.get("depth").equals("3")) {
                    lastDepth3 = row;
                }
            }
            // Depth 3 ends (nearly) rank 2: a gap of orders of magnitude after sigma_2.
            double s2 = Double.parseDouble(lastDepth3.get("sigma_2"));
            double s3 = Double.parseDouble(lastDepth3.get("sigma_3"));
            assertTrue(s3 < s2 / 100, "sigma_2 " + s2 + ", sigma_3 " + s3);
        }
        for (int depth = 1; depth <= 3; depth++) {
            assertTrue(Files.size(dir.resolve("dynamics-depth" + depth + ".png")) > 1000);
        }
        assertTrue(out.toString().contains("ground truth singular values"), out.toString());
        assertTrue(Files.size(dir.resolve("dynamics-alignment.png")) > 1000);
        assertTrue(out.toString().contains("theory check"), out.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("dynamics-step-check.csv")); CSVParser p = parse(r)) {
            assertEquals(List.of("experiment", "depth", "iteration", "index", "sigma", "measured_step",
                    "predicted_step"), p.getHeaderNames());
            // checked: the rank's 2 singular values; the identity start (equal singular values) is skipped
            CSVRecord row = p.getRecords().get(1 * 2 + 1);
            assertEquals(List.of("1", "100", "2"), List.of(row.get("depth"), row.get("iteration"), row.get("index")));
        }
    }

    @Test
    void sensingOnATinyGrid(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "sensing", "--quick", "--size", "12", "--rank", "1", "--m", "60", "--depths", "2,3",
                "--max-iterations", "30000", "--progress", "none", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("sensing-runs.csv")); CSVParser p = parse(r)) {
            assertEquals(SweepTables.RUN_COLUMNS, p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(3, rows.size());
            for (CSVRecord row : rows) {
                assertEquals("sensing", row.get("experiment"));
                assertEquals("converged", row.get("stop_reason"), row.toString());
            }
        }
        assertTrue(Files.exists(dir.resolve("sensing-m60-reconstruction_error.png")));
    }

    @Test
    void dynamicsRejectsBadOptions(@TempDir Path dir) {
        assertEquals(2, run(new StringWriter(), new StringWriter(), "dynamics", "--log-every", "0", "--out",
                dir.toString()));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "dynamics", "--lr", "-1", "--out",
                dir.toString()));
        assertEquals(2, run(new StringWriter(), new StringWriter(), "dynamics", "--top", "0", "--out",
                dir.toString()));
    }
}
