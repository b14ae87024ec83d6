package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * Shape bookkeeping and argument checks of the maps that hold their data in memory
 * ({@link CompletionConstraints}, {@link DenseSensingConstraints}): a wrongly shaped argument
 * fails with a message naming the expected shape instead of reading the wrong entries.
 */
abstract class InMemoryConstraints implements LinearConstraints {

    private final int rows;
    private final int cols;
    private final int size;

    InMemoryConstraints(int rows, int cols, int size) {
        this.rows = rows;
        this.cols = cols;
        this.size = size;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final int size() {
        return size;
    }

    /** @throws IllegalArgumentException unless x is rows x cols and v holds at least m values */
    final void check(DMatrixRMaj x, double[] v) {
        if (x.numRows != rows || x.numCols != cols) {
            throw new IllegalArgumentException("Constraints are on " + rows + " x " + cols + " matrices, got "
                    + x.numRows + " x " + x.numCols);
        }
        if (v.length < size) {
            throw new IllegalArgumentException("Expected " + size + " measurement values, got an array of "
                    + v.length);
        }
    }
}
