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

/** {@code reproduce glrl} end to end on a tiny problem. */
class ReproduceGlrlTest {

    @Test
    void writesBothMethodsTrajectoriesAndTheHeadline(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReproduceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("glrl", "--size", "12", "--rank", "2", "--m", "90", "--scales", "1e-4,1e-12",
                "--progress", "none", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("headline: GLRL reaches error"), out.toString());
        try (Reader r = Files.newBufferedReader(dir.resolve("glrl-trajectories.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of("experiment", "method", "init_scale", "iteration", "glrl_rank", "train_loss",
                    "reconstruction_error", "numerical_rank", "sigma_1", "sigma_2", "sigma_3", "sigma_4", "sigma_5"),
                    p.getHeaderNames());
            int maxRank = 0;
            boolean gd = false;
            for (CSVRecord row : p.getRecords()) {
                if (row.get("method").equals("glrl")) {
                    maxRank = Math.max(maxRank, Integer.parseInt(row.get("glrl_rank")));
                } else {
                    gd = true;
                }
            }
            assertEquals(2, maxRank);
            assertTrue(gd);
        }
        for (String f : new String[] {"glrl-loss.png", "glrl-sigma1-5.png", "glrl-distance.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
    }
}
