package org.deepfact.engine.baseline;

import java.util.Random;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Test-only problem builders, independent of the training engineer's generators. */
final class Fixtures {

    private Fixtures() {
    }

    /** Gaussian U V^T scaled to unit RMS entry, as in science.md section 1. */
    static DMatrixRMaj lowRank(int rows, int cols, int rank, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj u = new DMatrixRMaj(rows, rank);
        DMatrixRMaj v = new DMatrixRMaj(cols, rank);
        for (int i = 0; i < u.data.length; i++) {
            u.data[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < v.data.length; i++) {
            v.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.multTransB(u, v, w);
        CommonOps_DDRM.scale(Math.sqrt((double) rows * cols) / NormOps_DDRM.normF(w), w);
        return w;
    }

    /** m distinct positions uniformly without replacement (partial Fisher-Yates). */
    static Observations sample(DMatrixRMaj w, int m, long seed) {
        Random rnd = new Random(seed);
        int total = w.numRows * w.numCols;
        int[] perm = new int[total];
        for (int i = 0; i < total; i++) {
            perm[i] = i;
        }
        int[] r = new int[m];
        int[] c = new int[m];
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            int j = k + rnd.nextInt(total - k);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
            r[k] = perm[k] / w.numCols;
            c[k] = perm[k] % w.numCols;
            v[k] = w.get(r[k], c[k]);
        }
        return Observations.of(w.numRows, w.numCols, r, c, v);
    }

    /** m Gaussian measurement matrices with N(0, 1/(rows cols)) entries. */
    static DenseSensingConstraints gaussianSensing(int rows, int cols, int m, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj[] a = new DMatrixRMaj[m];
        double sd = 1 / Math.sqrt((double) rows * cols);
        for (int i = 0; i < m; i++) {
            a[i] = new DMatrixRMaj(rows, cols);
            for (int p = 0; p < a[i].data.length; p++) {
                a[i].data[p] = sd * rnd.nextGaussian();
            }
        }
        return new DenseSensingConstraints(a);
    }

    static double meanSquaredError(DMatrixRMaj x, DMatrixRMaj w) {
        double sum = 0;
        for (int i = 0; i < x.data.length; i++) {
            double d = x.data[i] - w.data[i];
            sum += d * d;
        }
        return sum / x.data.length;
    }
}
