package org.deepfact.engine.data;

import java.util.Arrays;

/**
 * An immutable, validated set of observed matrix entries (row, column, value) of a
 * {@code rows x cols} matrix, 0-based. Entries keep the order they were given in.
 * Construction rejects indices out of range, non-finite values and duplicate
 * positions, each with a message naming the offending entry.
 */
public final class Observations {

    private final int rows;
    private final int cols;
    private final int[] rowIndex;
    private final int[] colIndex;
    private final double[] values;

    private Observations(int rows, int cols, int[] rowIndex, int[] colIndex, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowIndex = rowIndex;
        this.colIndex = colIndex;
        this.values = values;
    }

    /**
     * Validates and copies the given entries.
     *
     * @throws IllegalArgumentException naming the first bad entry (by its 0-based position
     *         in the arrays) when the shape is not positive, the arrays differ in length,
     *         there are no entries, an index is out of range, a value is NaN or infinite,
     *         or a position occurs twice
     */
    public static Observations of(int rows, int cols, int[] rowIndex, int[] colIndex, double[] values) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Matrix shape must be positive, got " + rows + " x " + cols);
        }
        if (rowIndex.length != colIndex.length || rowIndex.length != values.length) {
            throw new IllegalArgumentException("Row, column and value arrays differ in length: "
                    + rowIndex.length + ", " + colIndex.length + ", " + values.length);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("No observed entries: at least one is needed");
        }
        long[] positions = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            int i = rowIndex[k];
            int j = colIndex[k];
            if (i < 0 || i >= rows) {
                throw new IllegalArgumentException("Entry " + k + ": row index " + i
                        + " is out of range [0, " + (rows - 1) + "]");
            }
            if (j < 0 || j >= cols) {
                throw new IllegalArgumentException("Entry " + k + ": column index " + j
                        + " is out of range [0, " + (cols - 1) + "]");
            }
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("Entry " + k + " at (" + i + ", " + j
                        + "): value " + values[k] + " is not a finite number");
            }
            positions[k] = (long) i * cols + j;
        }
        checkNoDuplicates(positions, cols, rowIndex, colIndex);
        return new Observations(rows, cols, rowIndex.clone(), colIndex.clone(), values.clone());
    }

    private static void checkNoDuplicates(long[] positions, int cols, int[] rowIndex, int[] colIndex) {
        long[] sorted = positions.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                long duplicate = sorted[k];
                int first = -1;
                for (int e = 0; e < positions.length; e++) {
                    if (positions[e] == duplicate) {
                        if (first < 0) {
                            first = e;
                        } else {
                            throw new IllegalArgumentException("Entries " + first + " and " + e
                                    + " both observe position (" + rowIndex[e] + ", " + colIndex[e] + ")");
                        }
                    }
                }
            }
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return number of observed entries m */
    public int size() {
        return values.length;
    }

    public int row(int k) {
        return rowIndex[k];
    }

    public int col(int k) {
        return colIndex[k];
    }

    public double value(int k) {
        return values[k];
    }

    /** @return a copy of the row indices */
    public int[] rowIndices() {
        return rowIndex.clone();
    }

    /** @return a copy of the column indices */
    public int[] colIndices() {
        return colIndex.clone();
    }

    /** @return a copy of the values */
    public double[] values() {
        return values.clone();
    }

    /** @return the same positions with new values (e.g. after adding noise); values validated */
    public Observations withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("Expected " + values.length + " values, got " + newValues.length);
        }
        return of(rows, cols, rowIndex, colIndex, newValues);
    }
}
