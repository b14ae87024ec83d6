package org.deepfact.cli.reproduce;

import java.util.List;

import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.RunSpec;
import org.deepfact.engine.experiment.SweepTables;
import org.deepfact.engine.train.StopReason;

/**
 * One run as the text cells of its runs-CSV row, and back. Shards, {@code reproduce merge} and
 * the Spark application move results as these cells, so a merged or distributed sweep writes
 * what one process writes: numbers are {@link Double#toString} (exact round trip), and reading a
 * row back is checked against the run the grid says belongs there.
 */
public final class RunRows {

    private static final List<String> COLUMNS = SweepTables.RUN_COLUMNS;
    private static final int SECONDS = COLUMNS.indexOf("seconds");

    private RunRows() {
    }

    /** @return the cells of a run, in {@link SweepTables#RUN_COLUMNS} order, as the runs CSV has them */
    public static List<String> cells(RunResult r) {
        return RunTable.cells(r);
    }

    /**
     * @param spec the run the grid puts at this row
     * @param cells a row in {@link SweepTables#RUN_COLUMNS} order
     * @return the result the row holds
     * @throws IllegalArgumentException naming the first column that is malformed or differs from
     *         what {@code spec} implies (every column but {@code seconds} is compared)
     */
    public static RunResult parse(RunSpec spec, List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("has " + cells.size() + " columns, expected " + COLUMNS.size());
        }
        RunResult r;
        try {
            r = new RunResult(spec, Long.parseLong(get(cells, "iterations")), StopReason.parse(get(cells,
                    "stop_reason")), number(cells, "train_loss"), number(cells, "reconstruction_error"),
                    number(cells, "nuclear_norm"), number(cells, "effective_rank"), number(cells, "seconds"),
                    number(cells, "held_out_error"), optionalNumber(cells, "best_held_out_error"),
                    get(cells, "best_held_out_iteration").isEmpty() ? -1
                            : Long.parseLong(get(cells, "best_held_out_iteration")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has a malformed number: " + e.getMessage(), e);
        }
        List<String> expected = cells(r);
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i != SECONDS && !expected.get(i).equals(cells.get(i))) {
                throw new IllegalArgumentException("column " + COLUMNS.get(i) + " is '" + cells.get(i)
                        + "' where the grid's run " + spec.label() + " has '" + expected.get(i) + "'");
            }
        }
        return r;
    }

    private static String get(List<String> cells, String column) {
        return cells.get(COLUMNS.indexOf(column));
    }

    private static double number(List<String> cells, String column) {
        return Double.parseDouble(get(cells, column));
    }

    /** An empty cell (the value does not apply, e.g. the baseline's best held-out error) reads as NaN. */
    private static double optionalNumber(List<String> cells, String column) {
        return get(cells, column).isEmpty() ? Double.NaN : number(cells, column);
    }
}
