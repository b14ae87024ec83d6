package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The proximal map of t * (tr(X) + indicator{X PSD}): with S = (G + G^T)/2 = V diag(lambda) V^T,
 * prox(G) = V diag(max(lambda - t, 0)) V^T. (The antisymmetric part of G is orthogonal to every
 * symmetric matrix, so the nearest point of the cone only sees S; tr(X) = &lt;I, X&gt; shifts
 * every eigenvalue by t.) On the PSD cone tr = ||.||_*, so the returned value is the result's
 * nuclear norm as well. The result is symmetrised once more so it is symmetric bit for bit.
 * Not thread-safe.
 */
final class EigenvalueShrinkage implements Shrinkage {

    private static final String SOLVER = "minimum-trace solver";

    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final int n;
    private final DMatrixRMaj kept;
    private final DMatrixRMaj scaled;
    private int lastRank;

    EigenvalueShrinkage(int n) {
        this.n = n;
        this.eig = DecompositionFactory_DDRM.eig(n, true, true);
        this.kept = new DMatrixRMaj(n, n);
        this.scaled = new DMatrixRMaj(n, n);
    }

    @Override
    public double shrink(DMatrixRMaj g, double t, DMatrixRMaj out) {
        if (g.numRows != n || g.numCols != n || out.numRows != n || out.numCols != n) {
            throw new IllegalArgumentException("Eigenvalue shrinkage is for " + n + " x " + n + " matrices, got "
                    + g.numRows + " x " + g.numCols);
        }
        symmetrise(g, out); // out doubles as the decomposition's input (EJML may overwrite it)
        for (int e = 0; e < n * n; e++) {
            Shrinkage.requireFinite(out.data[e], "entry", SOLVER);
        }
        if (!eig.decompose(out)) {
            throw new IllegalStateException("Symmetric eigendecomposition did not converge inside the minimum-trace solver");
        }
        int rank = 0;
        for (int c = 0; c < n; c++) {
            double lambda = eig.getEigenvalue(c).real;
            Shrinkage.requireFinite(lambda, "eigenvalue", SOLVER);
            if (lambda > t) {
                rank++;
            }
        }
        lastRank = rank;
        if (rank == 0) {
            out.zero();
            return 0;
        }
        kept.reshape(n, rank, false);
        scaled.reshape(n, rank, false);
        double trace = 0;
        int col = 0;
        for (int c = 0; c < n; c++) {
            double lambda = eig.getEigenvalue(c).real;
            if (lambda > t) {
                DMatrixRMaj v = eig.getEigenVector(c);
                double shrunk = lambda - t;
                trace += shrunk;
                for (int i = 0; i < n; i++) {
                    kept.unsafe_set(i, col, v.data[i]);
                    scaled.unsafe_set(i, col, v.data[i] * shrunk);
                }
                col++;
            }
        }
        CommonOps_DDRM.multTransB(scaled, kept, out);
        symmetrise(out, out);
        return trace;
    }

    /** out = (g + g^T)/2, entry pairs computed once; g and out may be the same matrix. */
    private void symmetrise(DMatrixRMaj g, DMatrixRMaj out) {
        double[] a = g.data;
        double[] o = out.data;
        for (int r = 0; r < n; r++) {
            o[r * n + r] = a[r * n + r];
            for (int c = r + 1; c < n; c++) {
                double v = (a[r * n + c] + a[c * n + r]) / 2;
                o[r * n + c] = v;
                o[c * n + r] = v;
            }
        }
    }

    @Override
    public int lastRank() {
        return lastRank;
    }
}
