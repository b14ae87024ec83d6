package org.deepfact.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The one seam through which the trainer does dense matrix products, so that a faster
 * kernel (native BLAS, Vector API) can replace the current one without touching the trainer.
 *
 * <p>Contract for every implementation: results are a deterministic function of the inputs
 * only, bit-identical for any thread count (work is split by output rows; a dot-product
 * reduction is never split across threads). Outputs must already have the right shape and
 * must not alias an input. Implementations do not allocate per call on the single-threaded
 * path.
 */
public interface DenseKernel extends AutoCloseable {

    /** c = a * b. */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a^T * b. */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

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
