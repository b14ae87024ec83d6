package org.deepfact.engine.train;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Completion loss (1/m) sum_k (W_{i_k j_k} - y_k)^2 with sparse-aware gradients: the loss and
 * the outer factors' gradients touch only the m observed entries (O(m n)); depth N needs
 * N - 2 dense products forward and 2 (N - 2) backward, depth 2 none. Allocation-free per call.
 */
final class CompletionObjective implements Objective {

    private final int depth;
    private final int m;
    private final int[] rowIdx;
    private final int[] colIdx;
    private final double[] y;
    /** coef[k] = (2/m) (W_k - y_k): the non-zeros of G. */
    private final double[] coef;
    private final int rows;
    private final int cols;
    private final Chain chain;
    /** (W_N^T G)^T, cols x dims[N-1], accumulated row by row. */
    private final DMatrixRMaj backT;

    CompletionObjective(Observations obs, int[] dims, DenseKernel kernel, ProgressCallback cancel) {
        depth = dims.length - 1;
        m = obs.size();
        rowIdx = obs.rowIndices();
        colIdx = obs.colIndices();
        y = obs.values();
        coef = new double[m];
        rows = obs.rows();
        cols = obs.cols();
        chain = depth >= 2 ? new Chain(kernel, dims, depth - 1, cancel) : null;
        backT = depth >= 2 ? new DMatrixRMaj(cols, dims[depth - 1]) : null;
    }

    @Override
    public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
        double scale = 2.0 / m;
        double sum = 0;
        if (depth == 1) {
            DMatrixRMaj g = grads[0];
            java.util.Arrays.fill(g.data, 0, g.getNumElements(), 0.0);
            double[] w = f[0].data;
            for (int k = 0; k < m; k++) {
                int pos = rowIdx[k] * cols + colIdx[k];
                double r = w[pos] - y[k];
                sum += r * r;
                coef[k] = scale * r;
                g.data[pos] = coef[k];
            }
            return sum / m;
        }
        chain.forward(f, depth - 1);
        DMatrixRMaj top = f[depth - 1];
        DMatrixRMaj pT = chain.prefixT[depth - 1];
        int h = top.numCols;
        double[] td = top.data;
        double[] pd = pT.data;
        DMatrixRMaj gTop = grads[depth - 1];
        double[] gd = gTop.data;
        double[] bd = backT.data;
        java.util.Arrays.fill(gd, 0, gTop.getNumElements(), 0.0);
        java.util.Arrays.fill(bd, 0, backT.getNumElements(), 0.0);
        // One pass over the entries: residual, then dL/dW_N = G P_{N-1}^T and (W_N^T G)^T = G^T W_N
        // as row updates, while both rows are still in L1.
        for (int k = 0; k < m; k++) {
            int i = rowIdx[k] * h;
            int j = colIdx[k] * h;
            double r = Rows.dot(td, i, pd, j, h) - y[k];
            sum += r * r;
            double c = scale * r;
            coef[k] = c;
            Rows.axpy(c, pd, j, gd, i, h);
            Rows.axpy(c, td, i, bd, j, h);
        }
        if (depth == 2) {
            CommonOps_DDRM.transpose(backT, grads[0]);
        } else {
            CommonOps_DDRM.transpose(backT, chain.back[depth - 1]);
            chain.backward(f, grads, depth - 1);
        }
        return sum / m;
    }

    @Override
    public void endToEndGradient(DMatrixRMaj out) {
        out.reshape(rows, cols);
        out.zero();
        for (int k = 0; k < m; k++) {
            out.unsafe_set(rowIdx[k], colIdx[k], coef[k]);
        }
    }
}
