package org.deepfact.engine.train;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;

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
    /**
     * The entries grouped by row (stable: within a row, in their given order) and by column
     * (stable likewise), as CSR-like segments: entry byRow[t] for t in [rowStart[i], rowStart[i+1])
     * lies in row i. Grouping keeps every accumulator row in L1 while its sum is built, and
     * stability keeps each element's summation order, hence the same bits as one pass in entry
     * order.
     */
    private final int[] byRow;
    private final int[] rowStart;
    private final int[] rowSegCol;
    private final double[] rowSegY;
    private final int[] byCol;
    private final int[] colStart;
    private final int[] colSegRow;
    /** True when the entries are already sorted by row: the loss is then summed in the row pass. */
    private final boolean rowSorted;
    /** Residuals in entry order, for the loss sum when the entries are not sorted by row. */
    private final double[] resid;
    /**
     * Row-array copies for the passes over the entries (zero-offset rows vectorise, see
     * {@link Rows}): W_N and P_{N-1}^T; one accumulator row; scratch for two dot products.
     */
    private final double[][] topRows;
    private final double[][] prefixTRows;
    private final double[] accRow;
    private final double[] dots = new double[4];
    private final double[] cs = new double[4];

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
        int h = dims[depth - 1];
        topRows = depth >= 2 ? new double[rows][h] : null;
        prefixTRows = depth >= 2 ? new double[cols][h] : null;
        accRow = new double[h];
        rowStart = new int[rows + 1];
        byRow = groupBy(rowIdx, rows, rowStart);
        colStart = new int[cols + 1];
        byCol = groupBy(colIdx, cols, colStart);
        rowSegCol = new int[m];
        rowSegY = new double[m];
        colSegRow = new int[m];
        boolean sorted = true;
        for (int t = 0; t < m; t++) {
            rowSegCol[t] = colIdx[byRow[t]];
            rowSegY[t] = y[byRow[t]];
            colSegRow[t] = rowIdx[byCol[t]];
            sorted &= byRow[t] == t;
        }
        rowSorted = sorted;
        resid = sorted ? null : new double[m];
    }

    /** Stable counting sort of 0 .. m-1 by key; fills start (length buckets + 1) with segment bounds. */
    private static int[] groupBy(int[] key, int buckets, int[] start) {
        for (int k : key) {
            start[k + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] next = java.util.Arrays.copyOf(start, buckets);
        int[] order = new int[key.length];
        for (int k = 0; k < key.length; k++) {
            order[next[key[k]]++] = k;
        }
        return order;
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
        int h = top.numCols;
        toRows(top, topRows);
        transposeToRows(depth == 2 ? f[0] : chain.prefix[depth - 1], prefixTRows);
        sum = rowPass(grads[depth - 1], h, scale);
        // (W_N^T G) goes straight to where the chain wants it: dL/dW_1 at depth 2, else B_{N-1}.
        columnPass(depth == 2 ? grads[0] : chain.back[depth - 1], h);
        if (depth > 2) {
            chain.backward(f, grads, depth - 1);
        }
        if (!rowSorted) {
            sum = 0;
            for (int k = 0; k < m; k++) {
                sum += resid[k] * resid[k];
            }
        }
        return sum / m;
    }

    /**
     * Residuals, coefficients and dL/dW_N = G P_{N-1}^T, one row of W_N at a time: up to four
     * dot products per load of the W_N row, four P^T rows per pass over the accumulator (each entry
     * of the gradient still gets its terms in entry order). Returns the loss sum when the entries
     * are sorted by row (else fills {@link #resid}).
     */
    private double rowPass(DMatrixRMaj gradTop, int h, double scale) {
        double sum = 0;
        double[] acc = accRow;
        double[] c = cs;
        double[] d = dots;
        double[] out = gradTop.data;
        for (int i = 0; i < rows; i++) {
            int s = rowStart[i];
            int e = rowStart[i + 1];
            java.util.Arrays.fill(acc, 0, h, 0.0);
            double[] w = topRows[i];
            int t = s;
            while (t < e) {
                int g = Math.min(4, e - t);
                if (g == 4) {
                    Rows.dot4(w, prefixTRows[rowSegCol[t]], prefixTRows[rowSegCol[t + 1]],
                            prefixTRows[rowSegCol[t + 2]], prefixTRows[rowSegCol[t + 3]], h, d);
                } else if (g >= 2) {
                    Rows.dot2(w, prefixTRows[rowSegCol[t]], prefixTRows[rowSegCol[t + 1]], h, d);
                    if (g == 3) {
                        d[2] = Rows.dot(w, prefixTRows[rowSegCol[t + 2]], h);
                    }
                } else {
                    d[0] = Rows.dot(w, prefixTRows[rowSegCol[t]], h);
                }
                for (int u = 0; u < g; u++) {
                    double r = d[u] - rowSegY[t + u];
                    if (rowSorted) {
                        sum += r * r;
                    } else {
                        resid[byRow[t + u]] = r;
                    }
                    double cc = scale * r;
                    coef[byRow[t + u]] = cc;
                    c[u] = cc;
                }
                if (g == 4) {
                    Rows.axpy4(c[0], prefixTRows[rowSegCol[t]], c[1], prefixTRows[rowSegCol[t + 1]], c[2],
                            prefixTRows[rowSegCol[t + 2]], c[3], prefixTRows[rowSegCol[t + 3]], acc, h);
                } else {
                    for (int u = 0; u < g; u++) {
                        Rows.axpy(c[u], prefixTRows[rowSegCol[t + u]], acc, h);
                    }
                }
                t += g;
            }
            System.arraycopy(acc, 0, out, i * h, h);
        }
        return sum;
    }

    /**
     * target = (G^T W_N)^T = W_N^T G (h x cols), one column of G at a time: the column's
     * accumulator stays in L1, four W_N rows per pass, then it is stored as a column of target.
     */
    private void columnPass(DMatrixRMaj target, int h) {
        double[] acc = accRow;
        double[] out = target.data;
        for (int j = 0; j < cols; j++) {
            int s = colStart[j];
            int e = colStart[j + 1];
            java.util.Arrays.fill(acc, 0, h, 0.0);
            int t = s;
            for (; t + 3 < e; t += 4) {
                Rows.axpy4(coef[byCol[t]], topRows[colSegRow[t]], coef[byCol[t + 1]], topRows[colSegRow[t + 1]],
                        coef[byCol[t + 2]], topRows[colSegRow[t + 2]], coef[byCol[t + 3]],
                        topRows[colSegRow[t + 3]], acc, h);
            }
            for (; t < e; t++) {
                Rows.axpy(coef[byCol[t]], topRows[colSegRow[t]], acc, h);
            }
            for (int q = 0, pos = j; q < h; q++, pos += cols) {
                out[pos] = acc[q];
            }
        }
    }

    private static void toRows(DMatrixRMaj m, double[][] out) {
        int n = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * n, out[r], 0, n);
        }
    }

    /** out[j][q] = m[q][j], in blocks of rows so both sides stay in cache. */
    private static void transposeToRows(DMatrixRMaj m, double[][] out) {
        int n = m.numCols;
        double[] d = m.data;
        for (int q0 = 0; q0 < m.numRows; q0 += 8) {
            int q1 = Math.min(m.numRows, q0 + 8);
            for (int j = 0; j < n; j++) {
                double[] o = out[j];
                for (int q = q0; q < q1; q++) {
                    o[q] = d[q * n + j];
                }
            }
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
