package org.deepfact.knime.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Reads single cells under DeepFact's missing-value policy: a missing cell, NaN or infinity is an
 * error naming the row key and the column, never a silent skip (see the package documentation).
 */
public final class CellReader {

    private CellReader() {
    }

    /**
     * @return the cell's value read through {@link DoubleValue} (Double, Integer and Long cells)
     * @throws InvalidInputException when the cell is missing, not numeric, NaN or infinite
     */
    public static double finiteDouble(final DataRow row, final int column, final String columnName)
        throws InvalidInputException {
        final DataCell cell = row.getCell(column);
        if (cell.isMissing()) {
            throw missing(row, columnName);
        }
        if (!(cell instanceof DoubleValue)) {
            throw new InvalidInputException(where(row, columnName) + ": '" + cell + "' is not a number");
        }
        final double v = ((DoubleValue)cell).getDoubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(where(row, columnName) + ": value " + v
                + " is not a finite number (NaN and infinity are not accepted)");
        }
        return v;
    }

    /**
     * @return the cell's non-negative index read through {@link IntValue} or {@link LongValue}
     * @throws InvalidInputException when the cell is missing, not an integer, negative or beyond the int range
     */
    public static int index(final DataRow row, final int column, final String columnName)
        throws InvalidInputException {
        final DataCell cell = row.getCell(column);
        if (cell.isMissing()) {
            throw missing(row, columnName);
        }
        final long v;
        if (cell instanceof IntValue) {
            v = ((IntValue)cell).getIntValue();
        } else if (cell instanceof LongValue) {
            v = ((LongValue)cell).getLongValue();
        } else {
            throw new InvalidInputException(where(row, columnName) + ": '" + cell + "' is not an integer index");
        }
        if (v < 0 || v > Integer.MAX_VALUE - 1L) {
            throw new InvalidInputException(where(row, columnName) + ": index " + v
                + " is out of range (indices are 0-based and at most " + (Integer.MAX_VALUE - 1L) + ")");
        }
        return (int)v;
    }

    private static InvalidInputException missing(final DataRow row, final String columnName) {
        return new InvalidInputException(where(row, columnName)
            + ": missing value. DeepFact does not skip or impute missing cells; "
            + "remove or fill them first (e.g. with the Missing Value node)");
    }

    /** @return "Row 'key', column 'name'" for messages */
    public static String where(final DataRow row, final String columnName) {
        return "Row '" + row.getKey().getString() + "', column '" + columnName + "'";
    }
}
