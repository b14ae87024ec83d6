package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The proximal map of t * ||.||_*: soft-thresholds singular values,
 * SVT_t(G) = U diag(max(sigma - t, 0)) V^T. Holds a preallocated SVD and buffers for one
 * shape, so repeated calls do not allocate (the SVD dominates the solver's cost).
 *
 * <p>Only the left vectors are computed (about 30% cheaper than U and V in EJML): for a kept
 * triple v_i^T = u_i^T G / sigma_i, so SVT_t(G) = U_k diag((sigma - t) / sigma) U_k^T G, with
 * sigma &gt; t &gt; 0 keeping the division harmless. Not thread-safe.
 */
final class SingularValueShrinkage implements Shrinkage {

    private static final String SOLVER = "nuclear-norm solver";

    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final DMatrixRMaj work;
    private final DMatrixRMaj u;
    private final DMatrixRMaj kept;
    private final DMatrixRMaj projected;
    private final int k;
    private int lastRank;

    SingularValueShrinkage(int rows, int cols) {
        // For wide inputs the short side carries U only if we decompose the transpose; keep it
        // simple and decompose as given: EJML handles both orientations.
        this.svd = DecompositionFactory_DDRM.svd(rows, cols, true, false, true);
        this.work = new DMatrixRMaj(rows, cols);
        this.k = Math.min(rows, cols);
        this.u = new DMatrixRMaj(rows, k);
        this.kept = new DMatrixRMaj(rows, k);
        this.projected = new DMatrixRMaj(k, cols);
    }

    /**
     * Writes SVT_t(g) into {@code out} (may not alias g), t &gt; 0.
     *
     * @return the nuclear norm of the result, sum max(sigma_i - t, 0)
     */
    @Override
    public double shrink(DMatrixRMaj g, double t, DMatrixRMaj out) {
        for (int e = 0; e < g.getNumElements(); e++) {
            Shrinkage.requireFinite(g.data[e], "entry", SOLVER);
        }
        work.setTo(g); // EJML may overwrite its input
        if (!svd.decompose(work)) {
            throw new IllegalStateException("SVD did not converge inside the nuclear-norm solver");
        }
        double[] s = svd.getSingularValues();
        svd.getU(u, false);
        int rank = 0;
        for (int c = 0; c < k; c++) {
            Shrinkage.requireFinite(s[c], "singular value", SOLVER);
            if (s[c] > t) {
                rank++;
            }
        }
        lastRank = rank;
        if (rank == 0) {
            out.zero();
            return 0;
        }
        // Gather kept columns (values are unsorted, so test each); reshape never reallocates.
        kept.reshape(u.numRows, rank, false);
        int col = 0;
        for (int c = 0; c < k; c++) {
            if (s[c] > t) {
                for (int i = 0; i < u.numRows; i++) {
                    kept.unsafe_set(i, col, u.unsafe_get(i, c));
                }
                col++;
            }
        }
        double nuclear = 0;
        projected.reshape(rank, g.numCols, false);
        CommonOps_DDRM.multTransA(kept, g, projected);
        int row = 0;
        for (int c = 0; c < k; c++) {
            if (s[c] > t) {
                double factor = (s[c] - t) / s[c];
                nuclear += s[c] - t;
                int base = row * g.numCols;
                for (int j = 0; j < g.numCols; j++) {
                    projected.data[base + j] *= factor;
                }
                row++;
            }
        }
        CommonOps_DDRM.mult(kept, projected, out);
        return nuclear;
    }

    /** @return how many singular values survived the last {@link #shrink} */
    @Override
    public int lastRank() {
        return lastRank;
    }
}
