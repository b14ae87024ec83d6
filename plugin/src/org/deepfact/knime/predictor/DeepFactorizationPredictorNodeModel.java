package org.deepfact.knime.predictor;

import java.util.List;
import java.util.Locale;

import org.deepfact.knime.common.Cells;
import org.deepfact.knime.common.CellReader;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.completion.EntriesInput;
import org.deepfact.knime.completion.KeyIndex;
import org.deepfact.knime.port.DeepFactorizationModelPortObject;
import org.deepfact.knime.port.DeepFactorizationModelPortObjectSpec;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Deep Factorization Predictor: appends to each (row key, column key) pair the entry of the
 * model's completed matrix, read from the very matrix the Learner output (bit for bit). Keys are
 * read as the Learner read its entries: 0-based indices, or IDs mapped through the model's keys.
 * An unknown ID gives a missing cell (one warning with the count); an index outside the model's
 * shape is an error naming the row and column.
 */
public final class DeepFactorizationPredictorNodeModel extends StatelessNodeModel<PredictorSettings> {

    static final int IN_MODEL = 0;
    static final int IN_PAIRS = 1;

    static final String PORT_MODEL = "Model";
    static final String PORT_PAIRS = "Pairs";

    /** The appended column. */
    public static final String PREDICTION = "prediction";

    DeepFactorizationPredictorNodeModel() {
        super(new PortType[]{DeepFactorizationModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE}, new PredictorSettings());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        DeepFactorizationModelPortObjectSpec model = (DeepFactorizationModelPortObjectSpec)inSpecs[IN_MODEL];
        DataTableSpec pairs = (DataTableSpec)inSpecs[IN_PAIRS];
        if (model == null) {
            throw new InvalidSettingsException("Connect a Deep Matrix Factorization Learner's model to input port '"
                + PORT_MODEL + "'");
        }
        if (pairs == null) {
            throw new InvalidSettingsException("Connect a table of (row, column) pairs to input port '" + PORT_PAIRS
                + "'");
        }
        checkKeyColumn(pairs, settings().rowColumn(), PredictorSettings.LABEL_ROW, PredictorSettings.KEY_ROW_COLUMN,
            model);
        checkKeyColumn(pairs, settings().columnColumn(), PredictorSettings.LABEL_COLUMN,
            PredictorSettings.KEY_COLUMN_COLUMN, model);
        if (pairs.containsName(PREDICTION)) {
            throw new InvalidSettingsException("The input table at port '" + PORT_PAIRS + "' already has a column '"
                + PREDICTION + "'; rename it (e.g. with the Column Renamer node)");
        }
        return new PortObjectSpec[]{outSpec(pairs)};
    }

    private static void checkKeyColumn(final DataTableSpec spec, final String column, final String label,
        final String key, final DeepFactorizationModelPortObjectSpec model) throws InvalidSettingsException {
        DataColumnSpec c = spec.getColumnSpec(column);
        if (c == null) {
            throw new InvalidSettingsException("'" + label + "' ('" + key + "') is '" + column
                + "', but the table at port '" + PORT_PAIRS + "' has no such column");
        }
        if (!model.isIdMode() && !c.getType().isCompatible(IntValue.class)
            && !c.getType().isCompatible(LongValue.class)) {
            throw new InvalidSettingsException("'" + label + "' ('" + key + "'): column '" + column + "' of port '"
                + PORT_PAIRS + "' is " + c.getType() + ", but the model was trained on 0-based integer indices "
                + "(key mode 'index'); give Integer or Long indices");
        }
    }

    static DataTableSpec outSpec(final DataTableSpec in) {
        DataColumnSpec[] cols = new DataColumnSpec[in.getNumColumns() + 1];
        for (int c = 0; c < in.getNumColumns(); c++) {
            cols[c] = in.getColumnSpec(c);
        }
        cols[cols.length - 1] = new DataColumnSpecCreator(PREDICTION, DoubleCell.TYPE).createSpec();
        return new DataTableSpec(cols);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)inObjects[IN_MODEL];
        BufferedDataTable pairs = (BufferedDataTable)inObjects[IN_PAIRS];
        DataTableSpec outSpec = (DataTableSpec)configure(new PortObjectSpec[]{model.getSpec(),
            pairs.getDataTableSpec()})[0];
        if (model.notStoredReason() != null) {
            throw new InvalidSettingsException("The model at input port '" + PORT_MODEL + "' holds no matrix: "
                + model.notStoredReason());
        }
        DataTableSpec spec = pairs.getDataTableSpec();
        String rowCol = settings().rowColumn();
        String colCol = settings().columnColumn();
        int ri = spec.findColumnIndex(rowCol);
        int ci = spec.findColumnIndex(colCol);
        boolean ids = model.getSpec().isIdMode();
        KeyIndex rowKeys = ids ? KeyIndex.sorted(model.rowKeys()) : KeyIndex.identity(model.rows());
        KeyIndex colKeys = ids ? KeyIndex.sorted(model.colKeys()) : KeyIndex.identity(model.cols());
        if (ids) {
            checkKeyKind(spec, rowCol, PredictorSettings.LABEL_ROW, model.rowKeys(), "row");
            checkKeyKind(spec, colCol, PredictorSettings.LABEL_COLUMN, model.colKeys(), "column");
        }
        DMatrixRMaj w = model.matrix();
        long total = pairs.size();
        long n = 0;
        long unknown = 0;
        long diverged = 0;
        BufferedDataContainer c = exec.createDataContainer(outSpec);
        try (CloseableRowIterator it = pairs.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                int i;
                int j;
                if (ids) {
                    i = rowKeys.indexOf(EntriesInput.normalize(row, ri, rowCol));
                    j = colKeys.indexOf(EntriesInput.normalize(row, ci, colCol));
                } else {
                    i = inShape(row, ri, rowCol, model.rows(), "rows", model);
                    j = inShape(row, ci, colCol, model.cols(), "columns", model);
                }
                DataCell p;
                if (i < 0 || j < 0) {
                    unknown++;
                    p = DataType.getMissingCell();
                } else {
                    double v = w.unsafe_get(i, j);
                    if (Double.isNaN(v)) {
                        diverged++;
                    }
                    p = Cells.doubleOrMissing(v);
                }
                DataCell[] cells = new DataCell[row.getNumCells() + 1];
                for (int k = 0; k < row.getNumCells(); k++) {
                    cells[k] = row.getCell(k);
                }
                cells[cells.length - 1] = p;
                c.addRowToTable(new DefaultRow(row.getKey(), cells));
                if ((++n & 0x3FF) == 0) {
                    exec.checkCanceled();
                    long done = n;
                    exec.setProgress((double)done / Math.max(1, total), "predicted " + done + " / " + total);
                }
            }
        } finally {
            c.close();
        }
        StringBuilder warning = new StringBuilder();
        if (unknown > 0) {
            warning.append(String.format(Locale.ROOT, "%d of %d pairs name a row or column key the model was not "
                + "trained on ('%s' / '%s' of port '%s'): their prediction is a missing cell", unknown, n, rowCol,
                colCol, PORT_PAIRS));
        }
        if (diverged > 0) {
            warning.append(warning.length() > 0 ? "; " : "").append("the model at port '" + PORT_MODEL
                + "' comes from a run that diverged: its predictions are missing cells");
        }
        if (warning.length() > 0) {
            setWarningMessage(warning.toString());
        }
        return new PortObject[]{c.getTable()};
    }

    private static int inShape(final DataRow row, final int column, final String columnName, final int extent,
        final String what, final DeepFactorizationModelPortObject model) throws InvalidInputException {
        int v = CellReader.index(row, column, columnName);
        if (v >= extent) {
            throw new InvalidInputException(CellReader.where(row, columnName) + ": index " + v
                + " is outside the model's " + model.rows() + " x " + model.cols() + " matrix (" + extent + " "
                + what + ", 0-based)");
        }
        return v;
    }

    /** An ID column of text where the model's keys are all numbers (or the reverse) can match nothing. */
    private static void checkKeyKind(final DataTableSpec spec, final String column, final String label,
        final List<Object> keys, final String axis) throws InvalidSettingsException {
        boolean numericColumn = spec.getColumnSpec(column).getType().isCompatible(DoubleValue.class);
        boolean numericKeys = keys.stream().allMatch(k -> k instanceof Number);
        boolean textKeys = keys.stream().noneMatch(k -> k instanceof Number);
        if (numericColumn && textKeys && !keys.isEmpty() || !numericColumn && numericKeys && !keys.isEmpty()) {
            throw new InvalidSettingsException("'" + label + "': column '" + column + "' of port '" + PORT_PAIRS
                + "' holds " + (numericColumn ? "numbers" : "texts") + ", but the model's " + axis + " keys are all "
                + (numericKeys ? "numbers" : "texts") + ", so no pair could be predicted; convert the column "
                + "(e.g. with String to Number or Number to String)");
        }
    }
}
