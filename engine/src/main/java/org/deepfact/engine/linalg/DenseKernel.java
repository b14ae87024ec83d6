package org.deepfact.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The one seam through which the trainer does dense matrix products; {@link Kernels#dense}
 * picks the implementation (the Vector API one where the JVM has the module, else plain Java).
 *
 * <p>Contract for every implementation: results are a deterministic function of the inputs
 * only, bit-identical for any thread count and between implementations: every output element is
 * the ordered chain of {@link Math#fma} over k described in {@link RowSplitKernel}. Outputs must
 * already have the right shape and must not alias an input. Implementations do not allocate per
 * call on the single-threaded path once their scratch has grown to the product's size.
 */
public interface DenseKernel extends AutoCloseable {

    /** c = a * b. */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a^T * b. */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a * b^T (B is read transposed where it is packed; no transposed copy is kept). */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** @return a short description of the implementation, for logs and benchmarks */
    String name();

    /** @return the number of threads this kernel may use (1 = caller only) */
    int threads();

    /** Releases worker threads, if any. */
    @Override
    void close();

    /** Checks shapes common to every product; fails with a message naming them. */
    static void checkShapes(int aRows, int aCols, int bRows, int bCols, DMatrixRMaj c, String op) {
        if (aCols != bRows || c.numRows != aRows || c.numCols != bCols) {
            throw new IllegalArgumentException(op + ": cannot multiply " + aRows + " x " + aCols + " by "
                    + bRows + " x " + bCols + " into " + c.numRows + " x " + c.numCols);
        }
    }
}
