package org.deepfact.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Ratings;
import org.deepfact.engine.data.RecoveryProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code reproduce dynamics --ratings}: the MovieLens row of Fig. 3 on a generated u.data file. */
class ReproduceDynamicsRatingsTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** 40 items x 30 users, rank-2 ratings around 3, about 70% of them rated, u.data format. */
    private static Path uData(Path dir) throws IOException {
        Random rnd = new Random(3);
        int items = 40;
        int users = 30;
        double[][] a = new double[items][2];
        double[][] b = new double[users][2];
        for (double[][] f : new double[][][] {a, b}) {
            for (double[] row : f) {
                row[0] = rnd.nextGaussian();
                row[1] = rnd.nextGaussian();
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            for (int u = 0; u < users; u++) {
                if (rnd.nextDouble() < 0.7) {
                    double v = 3 + 0.8 * (a[i][0] * b[u][0] + 0.5 * a[i][1] * b[u][1]);
                    lines.add(String.format(Locale.ROOT, "%d\t%d\t%.4f\t%d", u + 1, i + 1, v, 881250949 + lines.size()));
                }
            }
        }
        Path file = dir.resolve("u.data");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void ratingsRunRecordsHeldOutMseThatBeatsTheMeanPredictor(@TempDir Path dir) throws IOException {
        Path file = uData(dir);
        Path outDir = dir.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "dynamics", "--ratings", file.toString(), "--train-count", "500", "--lr", "0.1",
                "--max-iterations", "2000", "--top", "4", "--progress", "none", "--out", outDir.toString());
        assertEquals(0, code, err.toString());
        // the mean predictor on the same split (train --ratings's: seed + 1, default seed 1)
        RecoveryProblem split = Ratings.read(file).split(500, 2);
        double mean = Ratings.mean(split.observations());
        Observations held = split.heldOut();
        double meanMse = 0;
        for (int k = 0; k < held.size(); k++) {
            meanMse += (held.value(k) - mean) * (held.value(k) - mean) / held.size();
        }
        double minDepth2 = Double.POSITIVE_INFINITY;
        double firstDepth2 = Double.NaN;
        try (Reader r = Files.newBufferedReader(outDir.resolve("dynamics-singular-values.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of("experiment", "depth", "iteration", "train_loss", "held_out_mse", "effective_rank",
                    "sigma_1", "sigma_2", "sigma_3", "sigma_4", "schatten_sum_2_over_n", "alignment_diagonal_mean",
                    "alignment_diagonal_std", "alignment_off_diagonal_mean", "alignment_off_diagonal_std"),
                    p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(3 * 21, rows.size()); // depths 1..3, iterations 0, 100, .., 2000
            for (CSVRecord row : rows) {
                assertEquals("dynamics-ratings", row.get("experiment"));
                if (row.get("depth").equals("2")) {
                    double mse = Double.parseDouble(row.get("held_out_mse"));
                    if (Double.isNaN(firstDepth2)) {
                        firstDepth2 = mse;
                    }
                    minDepth2 = Math.min(minDepth2, mse);
                }
            }
        }
        // starts near the zero predictor's error (identity init, s = 1e-3) and ends well below the mean predictor's
        assertTrue(firstDepth2 > meanMse, firstDepth2 + " vs the mean predictor's " + meanMse);
        assertTrue(minDepth2 < meanMse / 2, minDepth2 + " vs the mean predictor's " + meanMse);
        for (int depth = 1; depth <= 3; depth++) {
            assertTrue(Files.size(outDir.resolve("dynamics-depth" + depth + ".png")) > 1000);
        }
        assertTrue(Files.size(outDir.resolve("dynamics-alignment.png")) > 1000);
        assertTrue(Files.exists(outDir.resolve("dynamics-step-check.csv")));
        String text = out.toString();
        int ratings = Ratings.read(file).size();
        assertTrue(text.contains("40 items x 30 users, " + ratings + " ratings, 500 for training"), text);
        assertTrue(text.contains("13.73 (printed)") && text.contains("1.450 (printed)")
                && text.contains("1.398 (printed)"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.4g", meanMse)), text);
        assertTrue(text.contains("theory check"), text);
    }

    @Test
    void malformedRatingsFileNamesLineAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("u.data");
        Files.write(file, List.of("1\t1\t5\t881250949", "1\t2\t4\t881250950", "2\t1\tfive\t881250951"),
                StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "dynamics", "--ratings", file.toString(), "--train-count", "2",
                "--progress", "none", "--out", dir.resolve("out").toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(file + " line 3, field 3 (rating): 'five' is not a number"), err.toString());
        assertTrue(!Files.exists(dir.resolve("out").resolve("dynamics-singular-values.csv")));
    }

    @Test
    void ratingsRejectsSyntheticOptionsAndATooLargeTrainCount(@TempDir Path dir) throws IOException {
        Path file = uData(dir);
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "dynamics", "--ratings", file.toString(), "--size", "50",
                "--out", dir.toString()));
        assertTrue(err.toString().contains("--size does not apply with --ratings"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "dynamics", "--ratings", file.toString(), "--out",
                dir.toString())); // the default 10 000 is more than the file has
        assertTrue(err.toString().contains("--train-count"), err.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "dynamics", "--train-count", "100", "--out",
                dir.toString()));
    }
}
