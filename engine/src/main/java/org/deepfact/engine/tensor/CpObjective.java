package org.deepfact.engine.tensor;

import java.util.Arrays;

/**
 * The mean squared error over the observed entries of a CP factorization, and its gradient:
 * L = (1/m) sum_e (T[e] - y_e)^2 with T[e] = sum_r prod_n A_n[i_n(e), r], and
 * dL/dA_n[i, r] = (2/m) sum_{e : i_n(e) = i} (T[e] - y_e) prod_{k != n} A_k[i_k(e), r]
 * (the 2 as in the authors' autograd of the mean, science.md section 2).
 *
 * <p>Parameters travel as one vector (mode 0's rows A_0[0, :], A_0[1, :], ..., then mode 1's, ...;
 * the optimiser's view). Inside, the components are cut into blocks of at most {@link #BLOCK}:
 * each factor row's block is its own array, so every inner loop runs over a whole small array
 * (HotSpot C2 vectorises those, see docs/architecture.md) and one block of all rows stays in
 * cache while every entry passes over it. Threads split the blocks, never the entries: pass 1
 * writes each block's partial predictions, which are summed in block order; pass 2 updates all N
 * gradient rows of an entry in one loop over the block's components (for N = 4 the products of
 * the other three modes share two pairwise products), every gradient entry summing its entries in
 * entry order. So any thread count gives the same bits. Nothing is allocated per evaluation.
 */
final class CpObjective implements CpLoss {

    /** Components per block: 64 doubles of a row, 512 bytes. */
    static final int BLOCK = 64;

    private final int order;
    private final int rank;
    private final int width;
    private final int blocks;
    private final int m;
    /** Row offset of mode n in the list of all factor rows. */
    private final int[] rowBase;
    /** rows[b][u] = block b of factor row u (u = rowBase[n] + i); the last block is zero-padded. */
    private final double[][][] rows;
    private final double[][][] grads;
    /** Observed entry e's factor row in mode n: row[e * N + n] (a global row number u). */
    private final int[] row;
    private final double[] y;
    private final double[] residual;
    /** partial[b][e] = block b's share of T[e]. */
    private final double[][] partial;
    /** Worker w handles blocks blockSplit[w] .. blockSplit[w + 1]. */
    private final int[] blockSplit;
    private final int workers;
    private final WorkerPool pool;
    private final WorkerPool.Job predictJob = this::predictShare;
    private final WorkerPool.Job gradientJob = this::gradientShare;
    private final double[][] scratch;
    private double scale;

    CpObjective(TensorEntries observed, int rank, WorkerPool pool) {
        TensorShape shape = observed.shape();
        this.order = shape.order();
        this.rank = rank;
        this.width = Math.min(BLOCK, rank);
        this.blocks = (rank + width - 1) / width;
        this.m = observed.size();
        this.pool = pool;
        rowBase = new int[order + 1];
        for (int n = 0; n < order; n++) {
            rowBase[n + 1] = rowBase[n] + shape.dim(n);
        }
        int totalRows = rowBase[order];
        rows = new double[blocks][totalRows][width];
        grads = new double[blocks][totalRows][width];
        row = new int[m * order];
        for (int e = 0; e < m; e++) {
            for (int n = 0; n < order; n++) {
                row[e * order + n] = rowBase[n] + observed.index(e, n);
            }
        }
        y = observed.values();
        residual = new double[m];
        partial = new double[blocks][m];
        scratch = new double[pool.threads()][width];
        workers = Math.min(pool.threads(), blocks);
        blockSplit = new int[pool.threads() + 1];
        for (int w = 0; w <= pool.threads(); w++) {
            blockSplit[w] = (int) ((long) blocks * Math.min(w, workers) / workers);
        }
    }

    /** @return the length of the parameter vector, R * (d_1 + ... + d_N) */
    @Override
    public int parameters() {
        return rank * rowBase[order];
    }

    /** Sets the factors from the parameter vector. */
    @Override
    public void load(double[] v) {
        for (int u = 0; u < rowBase[order]; u++) {
            for (int b = 0; b < blocks; b++) {
                int from = b * width;
                System.arraycopy(v, u * rank + from, rows[b][u], 0, Math.min(width, rank - from));
            }
        }
    }

    /** Writes the gradient of the last {@link #evaluate} into a parameter-shaped vector. */
    @Override
    public void gradient(double[] v) {
        for (int u = 0; u < rowBase[order]; u++) {
            for (int b = 0; b < blocks; b++) {
                int from = b * width;
                System.arraycopy(grads[b][u], 0, v, u * rank + from, Math.min(width, rank - from));
            }
        }
    }

    /**
     * Computes the loss at the loaded factors and the gradient.
     *
     * @return the mean squared residual over the observed entries
     */
    @Override
    public double evaluate() {
        pool.run(predictJob);
        double loss = 0;
        for (int e = 0; e < m; e++) {
            double t = 0;
            for (int b = 0; b < blocks; b++) {
                t += partial[b][e];
            }
            residual[e] = t - y[e];
            loss += residual[e] * residual[e];
        }
        scale = 2.0 / m;
        pool.run(gradientJob);
        return loss / m;
    }

    private void predictShare(int worker, int workerCount) {
        for (int b = blockSplit[worker]; b < blockSplit[worker + 1]; b++) {
            double[][] blk = rows[b];
            double[] out = partial[b];
            for (int e = 0; e < m; e++) {
                int o = e * order;
                if (order == 3) {
                    out[e] = dot3(blk[row[o]], blk[row[o + 1]], blk[row[o + 2]]);
                } else if (order == 4) {
                    out[e] = dot4(blk[row[o]], blk[row[o + 1]], blk[row[o + 2]], blk[row[o + 3]]);
                } else {
                    out[e] = dotN(blk, o);
                }
            }
        }
    }

    private double dot3(double[] a, double[] b, double[] c) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < width; r += 4) {
            s0 += a[r] * b[r] * c[r];
            s1 += a[r + 1] * b[r + 1] * c[r + 1];
            s2 += a[r + 2] * b[r + 2] * c[r + 2];
            s3 += a[r + 3] * b[r + 3] * c[r + 3];
        }
        for (; r < width; r++) {
            s0 += a[r] * b[r] * c[r];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double dot4(double[] a, double[] b, double[] c, double[] d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < width; r += 4) {
            s0 += a[r] * b[r] * c[r] * d[r];
            s1 += a[r + 1] * b[r + 1] * c[r + 1] * d[r + 1];
            s2 += a[r + 2] * b[r + 2] * c[r + 2] * d[r + 2];
            s3 += a[r + 3] * b[r + 3] * c[r + 3] * d[r + 3];
        }
        for (; r < width; r++) {
            s0 += a[r] * b[r] * c[r] * d[r];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double dotN(double[][] blk, int o) {
        double s = 0;
        for (int r = 0; r < width; r++) {
            double p = 1;
            for (int n = 0; n < order; n++) {
                p *= blk[row[o + n]][r];
            }
            s += p;
        }
        return s;
    }

    private void gradientShare(int worker, int workerCount) {
        for (int b = blockSplit[worker]; b < blockSplit[worker + 1]; b++) {
            double[][] blk = rows[b];
            double[][] g = grads[b];
            for (double[] gr : g) {
                Arrays.fill(gr, 0.0);
            }
            for (int e = 0; e < m; e++) {
                int o = e * order;
                double c = scale * residual[e];
                if (order == 3) {
                    update3(c, blk[row[o]], blk[row[o + 1]], blk[row[o + 2]], g[row[o]], g[row[o + 1]], g[row[o + 2]]);
                } else if (order == 4) {
                    update4(c, blk[row[o]], blk[row[o + 1]], blk[row[o + 2]], blk[row[o + 3]], g[row[o]], g[row[o + 1]],
                            g[row[o + 2]], g[row[o + 3]]);
                } else {
                    updateN(c, blk, g, o, scratch[worker]);
                }
            }
        }
    }

    private void update3(double c, double[] a0, double[] a1, double[] a2, double[] g0, double[] g1, double[] g2) {
        for (int r = 0; r < width; r++) {
            double x0 = c * a0[r];
            double x1 = a1[r];
            double x2 = a2[r];
            g0[r] += c * (x1 * x2);
            g1[r] += x0 * x2;
            g2[r] += x0 * x1;
        }
    }

    private void update4(double c, double[] a0, double[] a1, double[] a2, double[] a3, double[] g0, double[] g1,
            double[] g2, double[] g3) {
        for (int r = 0; r < width; r++) {
            double x0 = a0[r];
            double x1 = a1[r];
            double x2 = a2[r];
            double x3 = a3[r];
            double p01 = c * (x0 * x1);
            double p23 = c * (x2 * x3);
            g0[r] += x1 * p23;
            g1[r] += x0 * p23;
            g2[r] += p01 * x3;
            g3[r] += p01 * x2;
        }
    }

    private void updateN(double c, double[][] blk, double[][] g, int o, double[] tmp) {
        for (int n = 0; n < order; n++) {
            Arrays.fill(tmp, c);
            for (int k = 0; k < order; k++) {
                if (k != n) {
                    double[] p = blk[row[o + k]];
                    for (int r = 0; r < width; r++) {
                        tmp[r] *= p[r];
                    }
                }
            }
            double[] gr = g[row[o + n]];
            for (int r = 0; r < width; r++) {
                gr[r] += tmp[r];
            }
        }
    }
}
