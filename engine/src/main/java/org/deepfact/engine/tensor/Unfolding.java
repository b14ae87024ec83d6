package org.deepfact.engine.tensor;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrix view of a tensor: modes 1..k index the rows, modes k+1..N the columns, with
 * k = ceil(N / 2) (10 x 10 x 10 x 10 becomes 100 x 100, the matrix paper's size). With the
 * row-major tensor layout the unfolding's row-major data is the tensor's data unchanged:
 * linear position p is row p / cols, column p % cols.
 */
public final class Unfolding {

    private final TensorShape shape;
    private final int rows;
    private final int cols;

    /** Unfolds with the default split k = ceil(N / 2). */
    public Unfolding(TensorShape shape) {
        this(shape, (shape.order() + 1) / 2);
    }

    /** @param rowModes k, in [1, N - 1] */
    public Unfolding(TensorShape shape, int rowModes) {
        if (rowModes < 1 || rowModes >= shape.order()) {
            throw new IllegalArgumentException("Row modes of the unfolding must be in [1, " + (shape.order() - 1)
                    + "], got " + rowModes);
        }
        this.shape = shape;
        long r = 1;
        for (int n = 0; n < rowModes; n++) {
            r *= shape.dim(n);
        }
        rows = (int) r;
        cols = shape.size() / rows;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** @return the entries as observed entries of the rows x cols unfolding, values scaled by c */
    public Observations entries(TensorEntries e, double c) {
        requireShape(e.shape());
        int[] r = new int[e.size()];
        int[] col = new int[e.size()];
        double[] v = new double[e.size()];
        for (int k = 0; k < e.size(); k++) {
            int p = e.linear(k);
            r[k] = p / cols;
            col[k] = p % cols;
            v[k] = c * e.value(k);
        }
        return Observations.of(rows, cols, r, col, v);
    }

    /** @return the dense tensor as the rows x cols matrix, scaled by c */
    public DMatrixRMaj matrix(double[] dense, double c) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int p = 0; p < dense.length; p++) {
            m.data[p] = c * dense[p];
        }
        return m;
    }

    /** @return the matrix folded back into the dense tensor, scaled by c */
    public double[] tensor(DMatrixRMaj m, double c) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException("Expected a " + rows + " x " + cols + " matrix, got " + m.numRows
                    + " x " + m.numCols);
        }
        double[] t = new double[shape.size()];
        for (int p = 0; p < t.length; p++) {
            t[p] = c * m.data[p];
        }
        return t;
    }

    private void requireShape(TensorShape s) {
        if (!s.equals(shape)) {
            throw new IllegalArgumentException("Entries are of a " + s + " tensor, the unfolding of a " + shape);
        }
    }
}
