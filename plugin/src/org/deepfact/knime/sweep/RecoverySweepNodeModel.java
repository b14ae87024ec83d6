package org.deepfact.knime.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepRunner;
import org.deepfact.engine.experiment.SweepSummary;
import org.deepfact.engine.experiment.SweepTables;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.StopReason;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Recovery Sweep: the paper's Fig. 2 in one node. Builds the {@link SweepGrid} of its settings and
 * runs it on the engine's {@link RecoverySweep} exactly as {@code ./deepfact reproduce completion}
 * (or {@code sensing}) does, so the same settings and seed give the same numbers bit for bit; the
 * tables are {@link SweepTables}' columns, one row per run and one per group of repeats. A
 * diverged run is a row (stop_reason "diverged", missing metrics), never a failure.
 *
 * <p>With a matrix table at the optional input port 0 every run fits that ground truth (the engine's
 * {@link RecoverySweep#RecoverySweep(SweepGrid, DMatrixRMaj)}): its shape replaces the Rows and
 * Columns settings, the rank column reports its numerical rank instead of the Rank setting, and
 * truth_seed is missing; the masks (sensing operators) and initialisations come from the seeds as
 * without it.
 */
public final class RecoverySweepNodeModel extends StatelessNodeModel<SweepSettings> {

    static final int IN_TRUTH = 0;
    static final String PORT_TRUTH = "Ground truth";
    /** How MatrixTable names the input in its messages ("The ... table has no rows"). */
    static final String TRUTH_INPUT = "'" + PORT_TRUTH + "' input (port " + IN_TRUTH + ")";

    static final int OUT_RUNS = 0;
    static final int OUT_SUMMARY = 1;

    RecoverySweepNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE_OPTIONAL}, new PortType[]{BufferedDataTable.TYPE,
            BufferedDataTable.TYPE}, new SweepSettings());
    }

    static DataTableSpec spec(final List<String> columns) {
        DataColumnSpec[] cols = new DataColumnSpec[columns.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = new DataColumnSpecCreator(columns.get(c), type(columns.get(c))).createSpec();
        }
        return new DataTableSpec(cols);
    }

    private static DataType type(final String column) {
        final Class<?> t = SweepTables.TYPES.get(column);
        return t == Integer.class ? IntCell.TYPE : t == Long.class ? LongCell.TYPE
            : t == String.class ? StringCell.TYPE : DoubleCell.TYPE;
    }

    /** @return the engine's cell as a KNIME cell of the column's type; null and NaN become missing cells */
    static DataCell cell(final Object v, final DataType type) {
        if (v == null || v instanceof Double d && d.isNaN()) {
            return DataType.getMissingCell();
        }
        if (IntCell.TYPE.equals(type)) {
            return new IntCell(((Number)v).intValue());
        }
        if (LongCell.TYPE.equals(type)) {
            return new LongCell(((Number)v).longValue());
        }
        if (DoubleCell.TYPE.equals(type)) {
            return new DoubleCell(((Number)v).doubleValue());
        }
        return new StringCell(v.toString());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        PortObjectSpec truth = inSpecs.length > IN_TRUTH ? inSpecs[IN_TRUTH] : null;
        if (truth == null) {
            settings().toGrid();
        } else {
            // the input's rows are known at execute only: there the grid is checked on its shape
            MatrixTable.checkSpec((DataTableSpec)truth, TRUTH_INPUT);
            settings().check();
        }
        return new PortObjectSpec[]{spec(SweepTables.RUN_COLUMNS), spec(SweepTables.SUMMARY_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable truthTable = inObjects.length > IN_TRUTH ? (BufferedDataTable)inObjects[IN_TRUTH] : null;
        configure(new PortObjectSpec[]{truthTable == null ? null : truthTable.getDataTableSpec()});
        int threads = settings().threads();
        SweepGrid grid;
        RecoverySweep sweep;
        if (truthTable == null) {
            grid = settings().toGrid();
            checkMemory(grid, threads);
            sweep = new RecoverySweep(grid);
        } else {
            sweep = givenTruth(truthTable, threads, exec);
            grid = sweep.grid();
        }
        int total = grid.runs().size();
        long start = System.nanoTime();
        ExecutionContext runExec = exec.createSubExecutionContext(0.98);
        SweepRunner.Listener listener = (fraction, done, all, last) -> runExec.setProgress(
            Math.max(0, Math.min(1, fraction)), message(fraction, done, all, (System.nanoTime() - start) * 1e-9));
        exec.setMessage(String.format(Locale.ROOT, "%d runs on %d thread(s)", total, threads));
        List<RunResult> results = EngineCall.run(runExec, "Recovery sweep",
            cb -> sweep.execute(threads, listener, cb));
        boolean given = truthTable != null;
        BufferedDataTable runs = write(exec, SweepTables.RUN_COLUMNS,
            results.stream().map(r -> runRow(r, given)).toList());
        BufferedDataTable summary = write(exec, SweepTables.SUMMARY_COLUMNS,
            SweepSummary.groups(results).stream().map(SweepTables::summaryRow).toList());
        long diverged = results.stream().filter(r -> r.stopReason() == StopReason.DIVERGED).count();
        long capped = results.stream().filter(r -> r.stopReason() == StopReason.MAX_ITERATIONS).count();
        if (diverged > 0 || capped > 0) {
            setWarningMessage(String.format(Locale.ROOT, "%d of %d runs diverged and %d stopped at the iteration cap "
                + "('%s', '%s' = %d); see stop_reason in the runs table (output port 'Runs')", diverged, total,
                capped, SweepSettings.LABEL_MAX_ITERATIONS, SweepSettings.KEY_MAX_ITERATIONS, grid.maxIterations()));
        }
        return new PortObject[]{runs, summary};
    }

    /**
     * Reads the ground truth after checking that the sweep on its shape fits into memory, and builds
     * the sweep on it (rank: the truth's numerical rank).
     */
    private RecoverySweep givenTruth(final BufferedDataTable table, final int threads, final ExecutionContext exec)
        throws Exception {
        long rows = table.size();
        int cols = table.getDataTableSpec().getNumColumns();
        if (rows == 0) {
            throw new InvalidInputException("The " + TRUTH_INPUT + " table has no rows: a matrix needs at least one");
        }
        MatrixTable.requireArraySize(rows, cols, "The " + TRUTH_INPUT + " matrix");
        // the shape and the lists, checked (and the memory estimated) before anything is read
        checkMemory(settings().toGrid((int)rows, cols, 1), threads);
        exec.setMessage("reading the ground truth");
        DMatrixRMaj truth = MatrixTable.read(table, TRUTH_INPUT, exec.createSubProgress(0.01));
        int rank = Spectrum.of(truth).numericalRank();
        if (rank == 0) {
            throw new InvalidInputException("The " + TRUTH_INPUT + " matrix is zero: there is nothing to recover");
        }
        SweepGrid grid = settings().toGrid(truth.numRows, truth.numCols, rank);
        return new RecoverySweep(grid, truth);
    }

    /** @return the engine's run row; with a given ground truth its truth_seed (not used) is missing */
    static List<Object> runRow(final RunResult r, final boolean givenTruth) {
        List<Object> row = SweepTables.runRow(r);
        if (givenTruth) {
            row = new ArrayList<>(row);
            row.set(SweepTables.RUN_COLUMNS.indexOf("truth_seed"), null);
        }
        return row;
    }

    /** @return e.g. "3 / 7 runs done, about 1:05 left" */
    static String message(final double fraction, final int done, final int total, final double seconds) {
        String eta = fraction > 0.01 && fraction < 1 ? ", about " + clock(seconds * (1 - fraction) / fraction)
            + " left" : "";
        return done + " / " + total + " runs done" + eta;
    }

    private static String clock(final double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static BufferedDataTable write(final ExecutionContext exec, final List<String> columns,
        final List<List<Object>> rows) throws CanceledExecutionException {
        DataTableSpec spec = spec(columns);
        BufferedDataContainer c = exec.createDataContainer(spec);
        try {
            long n = 0;
            for (List<Object> row : rows) {
                exec.checkCanceled();
                DataCell[] cells = new DataCell[columns.size()];
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = cell(row.get(k), spec.getColumnSpec(k).getType());
                }
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    /**
     * Refuses grids whose concurrent runs would not fit into the heap: per running thread the
     * factors, gradients and optimiser state of the deepest factorization, a few full matrices and its history;
     * plus the ground truths, masks and (sensing) operators the sweep keeps for all its runs.
     */
    private static void checkMemory(final SweepGrid grid, final int threads) throws InsufficientMemoryException {
        long bytes;
        try {
            long n = Math.max(grid.rows(), grid.cols());
            long matrix = Math.multiplyExact((long)grid.rows(), grid.cols());
            int depth = grid.depths().stream().mapToInt(Integer::intValue).max().orElse(1);
            // a run's history: a record (about 40 doubles with its top singular values) every RECORD_EVERY steps
            long history = Math.multiplyExact(grid.maxIterations() / RecoverySweep.RECORD_EVERY + 2, 40);
            long perRun = Math.addExact(Math.addExact(Math.multiplyExact(5L * depth, Math.multiplyExact(n, n)),
                Math.multiplyExact(8, matrix)), history);
            long shared = Math.multiplyExact(grid.repeats(), matrix);
            for (int m : grid.ms()) {
                // completion: mask, its noisy copy and the held-out complement (3 numbers an entry)
                long data = grid.problem() == Problem.SENSING
                    ? Math.addExact(SensingOperator.heldDoubles(grid.rows(), grid.cols(), m), 2L * m)
                    : Math.addExact(6L * m, Math.multiplyExact(3, matrix));
                shared = Math.addExact(shared, Math.multiplyExact(grid.repeats(), data));
            }
            long runs = Math.min(threads, grid.runs().size());
            bytes = Math.multiplyExact(Math.addExact(Math.multiplyExact(runs, perRun), shared), 8);
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        MemoryCheck.requireBytes(bytes, String.format(Locale.ROOT, "a sweep of %d x %d %s problems on %d thread(s)",
            grid.rows(), grid.cols(), grid.problem().id(), threads));
    }
}
