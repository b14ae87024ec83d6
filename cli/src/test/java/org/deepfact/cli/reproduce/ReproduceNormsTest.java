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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code reproduce norms} end to end on a small instance (larger init and step, loss 1e-3). */
class ReproduceNormsTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTrajectoriesChartsAndTheHeadline(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "norms", "--depths", "2,3", "--alpha", "3e-2", "--lr", "2e-2", "--loss", "1e-3",
                "--log-every", "20", "--progress", "none", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("headline: as the loss fell to"), out.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("norms-trajectories.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of("experiment", "depth", "iteration", "train_loss", "w11", "w12", "w21", "w22",
                    "abs_w11", "nuclear_norm", "frobenius_norm", "spectral_norm", "effective_rank", "determinant"),
                    p.getHeaderNames());
            CSVRecord last3 = null;
            for (CSVRecord row : p.getRecords()) {
                if (row.get("depth").equals("3")) {
                    last3 = row;
                }
            }
            double loss = Double.parseDouble(last3.get("train_loss"));
            assertTrue(loss <= 1e-3, "loss " + loss);
            assertEquals(1 / Math.sqrt(3 * loss), Double.parseDouble(last3.get("abs_w11")), 1.0);
        }
        for (String f : new String[] {"norms-loss.png", "norms-w11.png", "norms-effective-rank.png",
            "norms-w11-vs-loss.png", "norms-depth2-vs-loss.png", "norms-depth3-vs-loss.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
    }

    @Test
    void helpFormatsCleanly() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "norms", "--help"));
        assertTrue(out.toString().contains("1%") && !out.toString().contains("1%%"), out.toString());
        assertEquals("", err.toString()); // picocli warns on stderr about an unescaped %
    }

    @Test
    void badOptionsExitWithTwo(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "norms", "--condition", "positive", "--out", dir.toString()));
        assertTrue(err.toString().contains("positive_determinant"), err.toString());
        assertEquals(2, run(out, new StringWriter(), "norms", "--alpha", "0", "--out", dir.toString()));
    }
}
