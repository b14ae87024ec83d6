package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.SweepSummary.Group;
import org.deepfact.engine.experiment.SweepTables;

/**
 * Writes the two CSV files of {@code reproduce completion|sensing}: the engine's
 * {@link SweepTables} (a contract: columns are only ever added at the end). Numbers are written
 * with {@link Double#toString}, which round-trips exactly, except the run time (milliseconds);
 * a value that does not apply (e.g. the depth of the nuclear-norm baseline) is empty.
 */
final class RunTable {

    private RunTable() {
    }

    static void write(Path file, List<RunResult> results) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(new ArrayList<>(cells(r)));
        }
        write(file, SweepTables.RUN_COLUMNS, rows);
    }

    /** @return the cells of one run as they are written, in {@link SweepTables#RUN_COLUMNS} order */
    static List<String> cells(RunResult r) {
        int seconds = SweepTables.RUN_COLUMNS.indexOf("seconds");
        List<String> row = new ArrayList<>();
        for (Object v : SweepTables.runRow(r)) {
            row.add(cell(v));
        }
        row.set(seconds, String.format(Locale.ROOT, "%.3f", r.seconds()));
        return row;
    }

    static void writeSummary(Path file, List<Group> groups) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Group g : groups) {
            rows.add(SweepTables.summaryRow(g));
        }
        write(file, SweepTables.SUMMARY_COLUMNS, rows);
    }

    private static void write(Path file, List<String> columns, List<List<Object>> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(w, format)) {
                for (List<Object> row : rows) {
                    csv.printRecord(row.stream().map(RunTable::cell).toArray());
                }
            }
        });
    }

    private static String cell(Object v) {
        return v == null ? "" : v instanceof Double d ? num(d) : v.toString();
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
