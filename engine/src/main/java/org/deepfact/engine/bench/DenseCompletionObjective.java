package org.deepfact.engine.bench;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.train.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The naive reference for completion: forms the full W = W_N ... W_1, the dense G =
 * (2/m) P_Omega(W - Y), and every dL/dW_j = S_j^T G P_{j-1}^T from explicit prefix and suffix
 * products with EJML's plain operations. Written independently of {@link CompletionObjective}
 * so each checks the other (GradientTest); also the benchmark baseline. Allocates freely.
 */
public final class DenseCompletionObjective implements Objective {

    private final Observations obs;
    private DMatrixRMaj lastG;

    public DenseCompletionObjective(Observations obs) {
        this.obs = obs;
    }

    @Override
    public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
        int depth = f.length;
        int m = obs.size();
        DMatrixRMaj[] prefix = new DMatrixRMaj[depth + 1];
        prefix[0] = CommonOps_DDRM.identity(obs.cols());
        for (int j = 1; j <= depth; j++) {
            prefix[j] = new DMatrixRMaj(f[j - 1].numRows, obs.cols());
            CommonOps_DDRM.mult(f[j - 1], prefix[j - 1], prefix[j]);
        }
        DMatrixRMaj[] suffix = new DMatrixRMaj[depth + 1];
        suffix[depth] = CommonOps_DDRM.identity(obs.rows());
        for (int j = depth - 1; j >= 0; j--) {
            // S_j = S_{j+1} W_{j+1}
            suffix[j] = new DMatrixRMaj(obs.rows(), f[j].numCols);
            CommonOps_DDRM.mult(suffix[j + 1], f[j], suffix[j]);
        }
        DMatrixRMaj w = prefix[depth];
        DMatrixRMaj g = new DMatrixRMaj(obs.rows(), obs.cols());
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double r = w.get(obs.row(k), obs.col(k)) - obs.value(k);
            sum += r * r;
            g.set(obs.row(k), obs.col(k), 2.0 * r / m);
        }
        for (int j = 1; j <= depth; j++) {
            DMatrixRMaj left = new DMatrixRMaj(suffix[j].numCols, obs.cols());
            CommonOps_DDRM.multTransA(suffix[j], g, left);
            CommonOps_DDRM.multTransB(left, prefix[j - 1], grads[j - 1]);
        }
        lastG = g;
        return sum / m;
    }

    @Override
    public void endToEndGradient(DMatrixRMaj out) {
        out.setTo(lastG);
    }
}
