package org.deepfact.knime.learner;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.deepfact.engine.train.BestRecord;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.StopReason;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.knime.common.Cells;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;

/**
 * The Learner's run summary: one row per run with the columns of the command line's
 * {@code completion-runs.csv} that apply to a single training run (same names and meaning,
 * engine ids for init, optimizer and stop reason), plus {@code widths} and {@code test_error}, and
 * (0.3.0) the best recorded held-out point, named as in {@code train --json}, and the factorization
 * (general or symmetric; for symmetric, depth is the end-to-end N and widths are P's hidden widths).
 * The first {@link #ID_COLUMNS} columns identify the run; the history tables end with them too,
 * so that tables collected by a loop can be told apart. Columns are only ever added at the end.
 */
final class RunSummary {

    /** Columns of the summary, in order. */
    static final List<String> COLUMNS = List.of("depth", "widths", "init", "init_scale", "optimizer", "lr", "seed",
        "iterations", "stop_reason", "train_loss", "test_error", "reconstruction_error", "nuclear_norm",
        "effective_rank", "seconds", "best_held_out_error", "best_held_out_iteration",
        "factorization");

    /** The seed column (Long), pushed as a String flow variable. */
    static final String SEED = "seed";

    /** The leading columns that identify a run: depth .. seed. */
    static final int ID_COLUMNS = 7;

    private static final DataType[] TYPES = {IntCell.TYPE, StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE,
        StringCell.TYPE, DoubleCell.TYPE, LongCell.TYPE, LongCell.TYPE, StringCell.TYPE, DoubleCell.TYPE,
        DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
        LongCell.TYPE, StringCell.TYPE};

    private RunSummary() {
    }

    static DataTableSpec spec() {
        return new DataTableSpec(columnSpecs(COLUMNS.size()));
    }

    /** @return the specs of the first {@code n} columns */
    static DataColumnSpec[] columnSpecs(final int n) {
        DataColumnSpec[] cols = new DataColumnSpec[n];
        for (int c = 0; c < n; c++) {
            cols[c] = new DataColumnSpecCreator(COLUMNS.get(c), TYPES[c]).createSpec();
        }
        return cols;
    }

    /** @return the identifying cells (depth .. seed) of a run with {@code dims} = d_0 .. d_N */
    static DataCell[] idCells(final TrainingConfig config, final int[] dims) {
        String widths = Arrays.stream(dims, 1, dims.length - 1).mapToObj(Integer::toString)
            .collect(Collectors.joining(","));
        return new DataCell[]{new IntCell(config.depth()), new StringCell(widths), new StringCell(config.init().id()),
            new DoubleCell(config.initScale()), new StringCell(config.optimizer().id()),
            new DoubleCell(config.learningRate()), new LongCell(config.seed())};
    }

    /**
     * @param last the final history record, or null when the run diverged (its metrics are then missing)
     * @param best the recorded point with the lowest error on what was not fitted, or null; only a held-out
     *        one is reported (a ground-truth matrix includes the fitted entries: its error is not held out)
     * @return the summary row's cells
     */
    static DataCell[] cells(final TrainingConfig config, final int[] dims, final long iterations,
        final StopReason stop, final HistoryRecord last, final BestRecord best, final double seconds) {
        DataCell[] id = idCells(config, dims);
        DataCell[] out = Arrays.copyOf(id, COLUMNS.size());
        out[7] = new LongCell(iterations);
        out[8] = new StringCell(stop.id());
        out[9] = Cells.doubleOrMissing(last == null ? Double.NaN : last.trainLoss());
        out[10] = Cells.doubleOrMissing(last == null ? Double.NaN : last.heldOutError());
        out[11] = Cells.doubleOrMissing(last == null ? Double.NaN : last.reconstructionError());
        out[12] = Cells.doubleOrMissing(last == null ? Double.NaN : last.nuclearNorm());
        out[13] = Cells.doubleOrMissing(last == null ? Double.NaN : last.effectiveRank());
        out[14] = new DoubleCell(seconds);
        boolean heldOut = best != null && best.heldOut();
        out[15] = Cells.doubleOrMissing(heldOut ? best.error() : Double.NaN);
        out[16] = heldOut ? new LongCell(best.iteration()) : DataType.getMissingCell();
        out[17] = new StringCell(config.factorization().id());
        return out;
    }
}
