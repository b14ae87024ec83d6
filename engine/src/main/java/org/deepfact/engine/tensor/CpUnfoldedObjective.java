package org.deepfact.engine.tensor;

import java.util.Arrays;

import org.deepfact.engine.linalg.Rows;

/**
 * The CP loss through the unfolding, touching only the observed entries: with k = ceil(N/2),
 * L = KR(A_1..A_k) (one row per multi-index of the first k modes, its entries the products of
 * those factors' rows) and Q = KR(A_{k+1}..A_N), the unfolded tensor is L Q^T. So T[e] is one dot
 * product of an L row and a Q row, dLoss/dL[u] = sum over the entries in L row u of c_e Q[q(e)]
 * and likewise for Q, with c_e = (2/m)(T[e] - y_e), and each factor's gradient collects its
 * Khatri-Rao rows times the other factors of its side. The Khatri-Rao rows are shared by all
 * entries in them, which makes this route cheaper than {@link CpObjective}'s N-fold products
 * whenever the unfolding's rows and columns are few against m (the matrix engine's completion
 * trick, docs/architecture.md).
 *
 * <p>Threads split the entries for the predictions and the L / Q rows for their gradients
 * (entries grouped by a stable counting sort, so every row sums its entries in entry order): any
 * thread count gives the same bits. Nothing is allocated per evaluation.
 */
final class CpUnfoldedObjective implements CpLoss {

    private final TensorShape shape;
    private final int order;
    private final int rank;
    private final int split;
    private final int m;
    private final int[] offset;
    private final int[] leftRow;
    private final int[] rightRow;
    private final double[] y;
    private final double[] residual;
    private final double[] params;
    private final double[] grad;
    private final double[][] left;
    private final double[][] right;
    private final double[][] dLeft;
    private final double[][] dRight;
    private final int[] leftStart;
    private final int[] leftEntries;
    private final int[] rightStart;
    private final int[] rightEntries;
    private final int[] idx;
    private final int[] entrySplit;
    private final int[] leftSplit;
    private final int[] rightSplit;
    private final WorkerPool pool;
    private final WorkerPool.Job predictJob = this::predictShare;
    private final WorkerPool.Job gradientJob = this::gradientShare;

    CpUnfoldedObjective(TensorEntries observed, int rank, WorkerPool pool) {
        shape = observed.shape();
        order = shape.order();
        this.rank = rank;
        this.pool = pool;
        split = (order + 1) / 2;
        m = observed.size();
        offset = new int[order + 1];
        for (int n = 0; n < order; n++) {
            offset[n + 1] = offset[n] + shape.dim(n) * rank;
        }
        Unfolding u = new Unfolding(shape, split);
        leftRow = new int[m];
        rightRow = new int[m];
        for (int e = 0; e < m; e++) {
            int p = observed.linear(e);
            leftRow[e] = p / u.cols();
            rightRow[e] = p % u.cols();
        }
        y = observed.values();
        residual = new double[m];
        params = new double[offset[order]];
        grad = new double[offset[order]];
        left = new double[u.rows()][rank];
        right = new double[u.cols()][rank];
        dLeft = new double[u.rows()][rank];
        dRight = new double[u.cols()][rank];
        leftStart = new int[u.rows() + 1];
        leftEntries = new int[m];
        group(leftRow, leftStart, leftEntries);
        rightStart = new int[u.cols() + 1];
        rightEntries = new int[m];
        group(rightRow, rightStart, rightEntries);
        idx = new int[order];
        int t = pool.threads();
        entrySplit = split(m, t, null);
        leftSplit = split(u.rows(), t, leftStart);
        rightSplit = split(u.cols(), t, rightStart);
    }

    /** Stable counting sort of the entries by their row in {@code key}. */
    private static void group(int[] key, int[] start, int[] entries) {
        int[] count = new int[start.length];
        for (int k : key) {
            count[k + 1]++;
        }
        for (int u = 0; u + 1 < count.length; u++) {
            count[u + 1] += count[u];
        }
        System.arraycopy(count, 0, start, 0, count.length);
        for (int e = 0; e < key.length; e++) {
            entries[count[key[e]]++] = e;
        }
    }

    /** Splits [0, n) into parts of about equal weight (unit u weighs cum[u+1] - cum[u], or 1). */
    private static int[] split(int n, int parts, int[] cum) {
        int[] s = new int[parts + 1];
        double total = cum == null ? n : cum[n];
        int u = 0;
        for (int p = 1; p < parts; p++) {
            double target = total * p / parts;
            while (u < n && (cum == null ? u : cum[u]) < target) {
                u++;
            }
            s[p] = u;
        }
        s[parts] = n;
        return s;
    }

    @Override
    public int parameters() {
        return params.length;
    }

    @Override
    public void load(double[] v) {
        System.arraycopy(v, 0, params, 0, params.length);
    }

    @Override
    public void gradient(double[] v) {
        System.arraycopy(grad, 0, v, 0, grad.length);
    }

    @Override
    public double evaluate() {
        khatriRao(0, split, left);
        khatriRao(split, order, right);
        pool.run(predictJob);
        double loss = 0;
        for (int e = 0; e < m; e++) {
            loss += residual[e] * residual[e];
        }
        pool.run(gradientJob);
        Arrays.fill(grad, 0.0);
        sideGradients(0, split, dLeft);
        sideGradients(split, order, dRight);
        return loss / m;
    }

    private void predictShare(int worker, int workers) {
        for (int e = entrySplit[worker]; e < entrySplit[worker + 1]; e++) {
            residual[e] = Rows.dot(left[leftRow[e]], right[rightRow[e]], rank) - y[e]; // fixed order: same bits anywhere
        }
    }

    private void gradientShare(int worker, int workers) {
        double scale = 2.0 / m;
        accumulate(leftSplit[worker], leftSplit[worker + 1], leftStart, leftEntries, rightRow, right, dLeft, scale);
        accumulate(rightSplit[worker], rightSplit[worker + 1], rightStart, rightEntries, leftRow, left, dRight, scale);
    }

    /** out[u] = sum over the entries e of row u of c_e * other[otherRow[e]]. */
    private void accumulate(int from, int to, int[] start, int[] entries, int[] otherRow, double[][] other,
            double[][] out, double scale) {
        for (int u = from; u < to; u++) {
            double[] g = out[u];
            Arrays.fill(g, 0.0);
            for (int k = start[u]; k < start[u + 1]; k++) {
                int e = entries[k];
                Rows.axpy(scale * residual[e], other[otherRow[e]], g, rank);
            }
        }
    }

    /** rows[q] = prod_{n in [from, to)} A_n[q_n, :], q running row-major over the side's modes. */
    private void khatriRao(int from, int to, double[][] rows) {
        for (int q = 0; q < rows.length; q++) {
            unravel(q, from, to);
            double[] out = rows[q];
            System.arraycopy(params, offset[from] + idx[from] * rank, out, 0, rank);
            for (int n = from + 1; n < to; n++) {
                int b = offset[n] + idx[n] * rank;
                for (int r = 0; r < rank; r++) {
                    out[r] *= params[b + r];
                }
            }
        }
    }

    /** dA_n[q_n, :] += d[q] * prod_{k in side, k != n} A_k[q_k, :] for every side row q. */
    private void sideGradients(int from, int to, double[][] d) {
        for (int q = 0; q < d.length; q++) {
            unravel(q, from, to);
            double[] dq = d[q];
            for (int n = from; n < to; n++) {
                int g = offset[n] + idx[n] * rank;
                if (to - from == 1) {
                    for (int r = 0; r < rank; r++) {
                        grad[g + r] += dq[r];
                    }
                } else if (to - from == 2) {
                    int o = offset[n == from ? from + 1 : from] + idx[n == from ? from + 1 : from] * rank;
                    for (int r = 0; r < rank; r++) {
                        grad[g + r] += dq[r] * params[o + r];
                    }
                } else {
                    for (int r = 0; r < rank; r++) {
                        double p = dq[r];
                        for (int k = from; k < to; k++) {
                            if (k != n) {
                                p *= params[offset[k] + idx[k] * rank + r];
                            }
                        }
                        grad[g + r] += p;
                    }
                }
            }
        }
    }

    private void unravel(int q, int from, int to) {
        int rest = q;
        for (int n = to - 1; n >= from; n--) {
            idx[n] = rest % shape.dim(n);
            rest /= shape.dim(n);
        }
    }
}
