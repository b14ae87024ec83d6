package org.deepfact.engine.baseline;

import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;

/**
 * A sensing map given by explicit measurement matrices A_1 .. A_m (all {@code rows x cols}),
 * held in memory. Meant for small problems and tests; a generated sensing problem goes through
 * {@link SensingConstraints}, which uses the same arithmetic (four-way partial-sum dot products,
 * adjoint accumulated in measurement order) and so gives the same numbers.
 */
public final class DenseSensingConstraints extends InMemoryConstraints {

    /** m x (rows*cols): row i is A_i flattened row-major. */
    private final double[][] flat;

    /**
     * @throws IllegalArgumentException when there are no matrices, shapes differ, or an entry
     *         is not finite
     */
    public DenseSensingConstraints(DMatrixRMaj... measurements) {
        super(first(measurements).numRows, first(measurements).numCols, measurements.length);
        int rows = rows();
        int cols = cols();
        this.flat = new double[measurements.length][];
        for (int i = 0; i < measurements.length; i++) {
            DMatrixRMaj a = measurements[i];
            if (a.numRows != rows || a.numCols != cols) {
                throw new IllegalArgumentException("Measurement matrix " + i + " is " + a.numRows + " x "
                        + a.numCols + ", expected " + rows + " x " + cols);
            }
            flat[i] = new double[rows * cols];
            System.arraycopy(a.data, 0, flat[i], 0, rows * cols);
            for (double v : flat[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Measurement matrix " + i + " has a non-finite entry");
                }
            }
        }
    }

    private static DMatrixRMaj first(DMatrixRMaj[] measurements) {
        if (measurements.length == 0) {
            throw new IllegalArgumentException("Sensing needs at least one measurement matrix");
        }
        return measurements[0];
    }

    @Override
    public void apply(DMatrixRMaj x, double[] out) {
        check(x, out);
        for (int i = 0; i < flat.length; i++) {
            out[i] = Rows.dot(flat[i], 0, x.data, 0, flat[i].length);
        }
    }

    @Override
    public void adjoint(double[] r, DMatrixRMaj out) {
        check(out, r);
        out.zero();
        for (int i = 0; i < flat.length; i++) {
            Rows.axpy(r[i], flat[i], 0, out.data, 0, flat[i].length);
        }
    }
}
