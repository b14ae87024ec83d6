package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepfact spectrum FILE.csv}: singular values of known matrices; CSV errors name row and column. */
class SpectrumCommandTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void permutedDiagonalHasItsEntriesAsSingularValues() throws IOException {
        // P diag(3, 2, 1) Q with permutations P, Q (and one sign flip): singular values 3, 2, 1
        Path file = csv("m.csv", "0,0,2\n3, 0 ,0\n0,-1,0\n");
        CliRun r = new CliRun("spectrum", file.toString(), "--json");
        assertEquals(0, r.code, r.err);
        assertArrayEquals(new double[] {3, 2, 1}, r.numbers("singular_values"), 1e-12);
        assertEquals(6, r.number("nuclear_norm"), 1e-12);
        assertEquals(3, r.number("spectral_norm"), 1e-12);
        assertEquals(Math.sqrt(14), r.number("frobenius_norm"), 1e-12);
        assertEquals(3, (int) r.number("numerical_rank"));
        assertEquals(3, (int) r.number("rows"));
        assertEquals(3, (int) r.number("cols"));
    }

    @Test
    void rectangularRankOneAndTextOutput() throws IOException {
        // u v^T with u = (1, 2), v = (2, 0, 2, 1): sigma_1 = |u| |v| = sqrt(5) * 3, rank 1
        Path file = csv("r.csv", "2,0,2,1\n\n4,0,4,2\n");
        CliRun json = new CliRun("spectrum", file.toString(), "--json", "--top", "2");
        assertEquals(0, json.code, json.err);
        double[] s = json.numbers("singular_values");
        assertEquals(2, s.length);
        assertEquals(3 * Math.sqrt(5), s[0], 1e-12);
        assertEquals(0, s[1], 1e-12);
        assertEquals(1, (int) json.number("numerical_rank"));
        CliRun text = new CliRun("spectrum", file.toString());
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("2 x 4"), text.out);
        assertTrue(text.out.contains("sigma_1"), text.out);
    }

    @Test
    void badCellsRaggedRowsAndEmptyFilesExitWithOneNamingThePlace() throws IOException {
        CliRun bad = new CliRun("spectrum", csv("bad.csv", "1,2,3\n4,5,x\n").toString());
        assertEquals(1, bad.code);
        assertTrue(bad.err.contains("row 2, column 3") && bad.err.contains("'x'"), bad.err);

        CliRun header = new CliRun("spectrum", csv("header.csv", "a,b\n1,2\n").toString());
        assertEquals(1, header.code);
        assertTrue(header.err.contains("row 1, column 1") && header.err.contains("header row"), header.err);

        CliRun inf = new CliRun("spectrum", csv("inf.csv", "1,Infinity\n").toString());
        assertEquals(1, inf.code);
        assertTrue(inf.err.contains("row 1, column 2"), inf.err);

        CliRun ragged = new CliRun("spectrum", csv("ragged.csv", "1,2,3\n4,5\n").toString());
        assertEquals(1, ragged.code);
        assertTrue(ragged.err.contains("row 2 has 2 values") && ragged.err.contains("row 1 has 3"), ragged.err);

        for (String empty : new String[] {"", "\n\n"}) {
            CliRun r = new CliRun("spectrum", csv("empty.csv", empty).toString());
            assertEquals(1, r.code);
            assertTrue(r.err.contains("is empty"), r.err);
        }

        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {'1', ',', (byte) 0xff, (byte) 0xfe, '\n'});
        CliRun notText = new CliRun("spectrum", binary.toString());
        assertEquals(1, notText.code);
        assertTrue(notText.err.contains("not a UTF-8 text file"), notText.err);

        CliRun quote = new CliRun("spectrum", csv("quote.csv", "1,\"2\n").toString());
        assertEquals(1, quote.code);
        assertTrue(quote.err.contains("quote.csv is not a valid CSV file"), quote.err);

        CliRun directory = new CliRun("spectrum", dir.toString());
        assertEquals(1, directory.code);
        assertTrue(directory.err.contains("is a directory"), directory.err);

        CliRun missing = new CliRun("spectrum", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("no such file"), missing.err);
        for (CliRun r : new CliRun[] {bad, header, inf, ragged, notText, quote, directory, missing}) {
            assertFalse(r.err.contains("\tat "), r.err);
        }
    }

    @Test
    void badOptionsExitWithTwo() throws IOException {
        Path file = csv("ok.csv", "1\n");
        assertEquals(2, new CliRun("spectrum", file.toString(), "--top", "-1").code);
        assertEquals(2, new CliRun("spectrum", file.toString(), "--schatten", "0").code);
        assertEquals(2, new CliRun("spectrum").code);
    }
}
