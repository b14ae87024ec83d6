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
    /**
     * Row-array copies for the pass over the entries (zero-offset rows vectorise, see
     * {@link Rows}): W_N, P_{N-1}^T, and the accumulators of dL/dW_N and (W_N^T G)^T.
     */
    private final double[][] topRows;
    private final double[][] prefixTRows;
    private final double[][] gradRows;
    private final double[][] backTRows;

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
        int h = dims[depth - 1];
        topRows = depth >= 2 ? new double[rows][h] : null;
        prefixTRows = depth >= 2 ? new double[cols][h] : null;
        gradRows = depth >= 2 ? new double[rows][h] : null;
        backTRows = depth >= 2 ? new double[cols][h] : null;
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
        toRows(top, topRows);
        toRows(pT, prefixTRows);
        for (double[] r : gradRows) {
            java.util.Arrays.fill(r, 0.0);
        }
        for (double[] r : backTRows) {
            java.util.Arrays.fill(r, 0.0);
        }
        // One pass over the entries: residual, then dL/dW_N = G P_{N-1}^T and (W_N^T G)^T = G^T W_N
        // as row updates, while both rows are still in L1.
        for (int k = 0; k < m; k++) {
            double[] wRow = topRows[rowIdx[k]];
            double[] pRow = prefixTRows[colIdx[k]];
            double r = Rows.dot(wRow, pRow, h) - y[k];
            sum += r * r;
            double c = scale * r;
            coef[k] = c;
            Rows.axpy(c, pRow, gradRows[rowIdx[k]], h);
            Rows.axpy(c, wRow, backTRows[colIdx[k]], h);
        }
        fromRows(gradRows, grads[depth - 1]);
        fromRows(backTRows, backT);
        if (depth == 2) {
            CommonOps_DDRM.transpose(backT, grads[0]);
        } else {
            CommonOps_DDRM.transpose(backT, chain.back[depth - 1]);
            chain.backward(f, grads, depth - 1);
        }
        return sum / m;
    }

    private static void toRows(DMatrixRMaj m, double[][] out) {
        int n = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * n, out[r], 0, n);
        }
    }

    private static void fromRows(double[][] in, DMatrixRMaj m) {
        int n = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(in[r], 0, m.data, r * n, n);
        }
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
