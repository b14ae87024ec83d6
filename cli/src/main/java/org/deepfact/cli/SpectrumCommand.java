package org.deepfact.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepfact spectrum FILE.csv}: singular values and the spectral summary (science.md
 * section 4) of a matrix stored as CSV, one matrix row per line, no header, comma-separated. Errors name the 1-based matrix row (empty lines are skipped) and column.
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Spectrum summary of a matrix stored as CSV (one row per line, no header).")
public final class SpectrumCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The matrix as CSV.")
    Path file;

    @Option(names = "--top", defaultValue = "10", description = "How many singular values to list (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--schatten", defaultValue = "0.6666666666666666",
            description = "Exponent p of the reported Schatten-p quasi-norm, e.g. 2/N (default 2/3).")
    double schatten;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
        }
        if (!(schatten > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--schatten must be > 0, got " + schatten);
        }
        Spectrum s = Spectrum.of(read(file));
        double[] sigma = s.top(top);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new Json().put("file", file.toString()).put("rows", s.rows()).put("cols", s.cols())
                    .put("singular_values", sigma).put("nuclear_norm", s.nuclearNorm())
                    .put("spectral_norm", s.spectralNorm()).put("frobenius_norm", s.frobeniusNorm())
                    .put("schatten_p", schatten).put("schatten_norm", s.schattenNorm(schatten))
                    .put("effective_rank", s.effectiveRank()).put("stable_rank", s.stableRank())
                    .put("numerical_rank", s.numericalRank()).put("condition_number", s.conditionNumber())
                    .put("cumulative_energy", head(s.cumulativeEnergy(), top)));
        } else {
            out.printf(Locale.ROOT, "%s: %d x %d%n", file, s.rows(), s.cols());
            for (int i = 0; i < sigma.length; i++) {
                out.printf(Locale.ROOT, "sigma_%-4d %.10g  (cumulative energy %.6f)%n", i + 1, sigma[i],
                        s.cumulativeEnergy()[i]);
            }
            out.printf(Locale.ROOT, "nuclear_norm     %.10g%n", s.nuclearNorm());
            out.printf(Locale.ROOT, "spectral_norm    %.10g%n", s.spectralNorm());
            out.printf(Locale.ROOT, "frobenius_norm   %.10g%n", s.frobeniusNorm());
            out.printf(Locale.ROOT, "%-16s %.10g%n", String.format(Locale.ROOT, "schatten_%.4g", schatten),
                    s.schattenNorm(schatten));
            out.printf(Locale.ROOT, "effective_rank   %.6f%n", s.effectiveRank());
            out.printf(Locale.ROOT, "stable_rank      %.6f%n", s.stableRank());
            out.printf(Locale.ROOT, "numerical_rank   %d (tolerance %.3e)%n", s.numericalRank(),
                    s.defaultRankTolerance());
            out.printf(Locale.ROOT, "condition_number %.6g%n", s.conditionNumber());
        }
        out.flush();
        return 0;
    }

    private static double[] head(double[] a, int k) {
        return java.util.Arrays.copyOf(a, Math.min(k, a.length));
    }

    /**
     * @return the parser's records, read eagerly so that a file that is not UTF-8 text (Commons
     *         CSV reports it as an unchecked I/O error while iterating) fails with a message
     */
    private static List<CSVRecord> records(Path file, CSVParser parser) {
        try {
            return parser.getRecords();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new IllegalArgumentException(file + " is not a UTF-8 text file (binary data?)", e);
            }
            throw new IllegalArgumentException(file + " is not a valid CSV file: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Reads a numeric CSV matrix with Commons CSV.
     *
     * @throws IllegalArgumentException for an empty file, rows of different lengths or a
     *         non-numeric cell (naming its 1-based line and column)
     */
    static DMatrixRMaj read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": it is a directory, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": no such file");
        }
        List<double[]> rows = new ArrayList<>();
        long firstLine = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : records(file, parser)) {
                long line = record.getRecordNumber(); // 1-based matrix row (empty lines skipped)
                if (!rows.isEmpty() && record.size() != rows.get(0).length) {
                    throw new IllegalArgumentException(file + " row " + line + " has " + record.size()
                            + " values, but row " + firstLine + " has " + rows.get(0).length + " (ragged rows)");
                }
                double[] values = new double[record.size()];
                for (int c = 0; c < values.length; c++) {
                    String cell = record.get(c);
                    try {
                        values[c] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " row " + line + ", column " + (c + 1)
                                + ": '" + cell + "' is not a number" + (rows.isEmpty() ? " (the file must not have a "
                                + "header row)" : ""));
                    }
                    if (!Double.isFinite(values[c])) {
                        throw new IllegalArgumentException(file + " row " + line + ", column " + (c + 1)
                                + ": '" + cell + "' is not a finite number");
                    }
                }
                if (rows.isEmpty()) {
                    firstLine = line;
                }
                rows.add(values);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: expected one matrix row per line");
        }
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), rows.get(0).length);
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, m.data, r * m.numCols, m.numCols);
        }
        return m;
    }
}
