package org.deepfact.engine.train;

import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How well a gradient G aligns with the singular vectors of W: the entries of |U^T G V| over
 * all singular pairs (the authors' diagnostic), split into the diagonal (r, r) and the
 * off-diagonal part, each with mean and sample standard deviation (n - 1 in the denominator).
 * A statistic without enough entries (a spread of fewer than two values, the off-diagonal part
 * of a 1 x k matrix) is NaN. A diagonal-dominated matrix means G acts mostly along u_r v_r^T,
 * as the paper's analysis of the singular-value dynamics assumes. The trainer's history
 * records these four numbers.
 */
public record Alignment(double diagonalMean, double diagonalStd, double offDiagonalMean, double offDiagonalStd) {

    /**
     * @param gradient {@code rows x cols}
     * @param spectrum of W, built with {@link Spectrum#withVectors}, same shape
     */
    public static Alignment of(DMatrixRMaj gradient, Spectrum spectrum) {
        return of(gradient, spectrum, null);
    }

    /**
     * The same with both products through {@code kernel} (the trainer's: at n = 1000 EJML's
     * multiply made them ~1.5 s of every history record); null means EJML.
     */
    public static Alignment of(DMatrixRMaj gradient, Spectrum spectrum, DenseKernel kernel) {
        if (gradient.numRows != spectrum.rows() || gradient.numCols != spectrum.cols()) {
            throw new IllegalArgumentException("Gradient is " + gradient.numRows + " x " + gradient.numCols
                    + " but the spectrum belongs to a " + spectrum.rows() + " x " + spectrum.cols() + " matrix");
        }
        DMatrixRMaj u = spectrum.leftVectors();
        DMatrixRMaj v = spectrum.rightVectors();
        DMatrixRMaj gv = new DMatrixRMaj(gradient.numRows, v.numCols);
        DMatrixRMaj m = new DMatrixRMaj(u.numCols, v.numCols);
        if (kernel == null) {
            CommonOps_DDRM.mult(gradient, v, gv);
            CommonOps_DDRM.multTransA(u, gv, m);
        } else {
            kernel.mult(gradient, v, gv);
            kernel.multTransA(u, gv, m);
        }
        int k = m.numRows;
        double[] diag = new double[k];
        double[] off = new double[k * k - k];
        int o = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double a = Math.abs(m.unsafe_get(i, j));
                if (i == j) {
                    diag[i] = a;
                } else {
                    off[o++] = a;
                }
            }
        }
        return new Alignment(mean(diag), sampleStd(diag), mean(off), sampleStd(off));
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Two passes (mean first), so a spread far below the mean does not cancel away. */
    private static double sampleStd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
