package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code reproduce tensor} end to end on a small grid. */
class ReproduceTensorTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void smallGridWritesCsvChartsAndHeadlineAndAnyThreadCountGivesTheSameNumbers(@TempDir Path dir) throws IOException {
        String[] grid = {"tensor", "--m", "200", "--init-stds", "5e-2,1e-3", "--max-iterations", "3000",
            "--unfolded-depths", "0", "--progress", "none"};
        List<List<String>> tables = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path o = dir.resolve("t" + threads);
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(grid),
                    java.util.stream.Stream.of("--threads", Integer.toString(threads), "--out", o.toString()))
                    .toArray(String[]::new);
            assertEquals(0, run(out, err, args), err.toString());
            String text = out.toString();
            assertTrue(text.contains("headline m = 200: CP s = 1e-3"), text);
            assertTrue(text.contains("incremental learning (m = 200, s = 1e-3)"), text);
            for (String f : List.of("tensor-runs.csv", "tensor-dynamics.csv", "tensor-reconstruction_error.png",
                    "tensor-tensor_rank.png", "tensor-dynamics-m200-s1e-3.png")) {
                assertTrue(Files.size(o.resolve(f)) > 0, f);
            }
            List<CSVRecord> runs = read(o.resolve("tensor-runs.csv"));
            assertEquals(3, runs.size(), "two CP runs and the nuclear-norm baseline");
            CSVRecord small = runs.get(1);
            assertEquals("cp", small.get("method"));
            assertEquals("3", small.get("tensor_rank"), "small init learns the ground truth's rank");
            assertTrue(Double.parseDouble(small.get("reconstruction_error")) < 0.05, small.toString());
            assertTrue(Double.parseDouble(runs.get(0).get("reconstruction_error"))
                    > 5 * Double.parseDouble(small.get("reconstruction_error")), "large init generalises worse");
            List<String> rows = new java.util.ArrayList<>();
            for (CSVRecord r : runs) {
                rows.add(r.toMap().entrySet().stream().filter(e -> !e.getKey().equals("seconds")).toList().toString());
            }
            tables.add(rows);
        }
        assertEquals(tables.get(0), tables.get(1));
    }

    @Test
    void badOptionsExitWithTwoAndNameTheOption(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "tensor", "--dims", "8xa", "--out", dir.toString()));
        assertTrue(err.toString().contains("--dims must look like 8x8x8"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(out, err, "tensor", "--m", "600", "--out", dir.toString()));
        assertTrue(err.toString().contains("m must be in [1, 511] for a 8 x 8 x 8 tensor, got 600"), err.toString());
    }
}
