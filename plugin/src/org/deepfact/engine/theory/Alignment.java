package org.deepfact.engine.theory;

import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How well a gradient G aligns with the singular vectors of W: the entries of |U^T G V|,
 * split into the diagonal (r, r) and off-diagonal parts, each with mean and population
 * standard deviation. A diagonal-dominated matrix means G acts mostly along u_r v_r^T,
 * as the paper's analysis of the singular-value dynamics assumes.
 */
public record Alignment(double diagonalMean, double diagonalStd, double offDiagonalMean, double offDiagonalStd) {

    /**
     * @param gradient {@code rows x cols}
     * @param spectrum of W, built with {@link Spectrum#withVectors}, same shape
     */
    public static Alignment of(DMatrixRMaj gradient, Spectrum spectrum) {
        if (gradient.numRows != spectrum.rows() || gradient.numCols != spectrum.cols()) {
            throw new IllegalArgumentException("Gradient is " + gradient.numRows + " x " + gradient.numCols
                    + " but the spectrum belongs to a " + spectrum.rows() + " x " + spectrum.cols() + " matrix");
        }
        DMatrixRMaj u = spectrum.leftVectors();
        DMatrixRMaj v = spectrum.rightVectors();
        DMatrixRMaj utg = new DMatrixRMaj(u.numCols, gradient.numCols);
        CommonOps_DDRM.multTransA(u, gradient, utg);
        DMatrixRMaj m = new DMatrixRMaj(u.numCols, v.numCols);
        CommonOps_DDRM.mult(utg, v, m);
        int k = m.numRows;
        double dSum = 0;
        double dSq = 0;
        double oSum = 0;
        double oSq = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double a = Math.abs(m.get(i, j));
                if (i == j) {
                    dSum += a;
                    dSq += a * a;
                } else {
                    oSum += a;
                    oSq += a * a;
                }
            }
        }
        long off = (long) k * k - k;
        double dMean = dSum / k;
        double oMean = off == 0 ? 0 : oSum / off;
        return new Alignment(dMean, Math.sqrt(Math.max(0, dSq / k - dMean * dMean)), oMean,
                off == 0 ? 0 : Math.sqrt(Math.max(0, oSq / off - oMean * oMean)));
    }
}
