package org.deepfact.engine.theory;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A depth-N square factorization W = W_N ... W_1 (all n x n) trained by plain gradient descent
 * on the completion loss mean (W_ij - y_ij)^2, written out densely: the theory check runs on
 * small problems and must not depend on the trainer's optimized kernels (the tests check them
 * and the trainer-based {@link DynamicsCheck} against it).
 */
final class BalancedChain {

    private final Observations observations;
    private final DMatrixRMaj[] factors;
    private final int n;

    /** Identity initialization W_j = s^(1/N) I: balanced, W_{j+1}^T W_{j+1} = W_j W_j^T. */
    BalancedChain(Observations observations, int depth, double scale) {
        this.observations = observations;
        this.n = observations.rows();
        this.factors = new DMatrixRMaj[depth];
        double d = Math.pow(scale, 1.0 / depth);
        for (int j = 0; j < depth; j++) {
            factors[j] = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(d, factors[j]);
        }
    }

    /** @return W = W_N ... W_1 */
    DMatrixRMaj endToEnd() {
        return suffixFrom(0);
    }

    /** @return W_N ... W_{from+1} (factors with 0-based index &gt; from - 1), identity when empty */
    private DMatrixRMaj suffixFrom(int from) {
        DMatrixRMaj p = CommonOps_DDRM.identity(n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int j = from; j < factors.length; j++) {
            CommonOps_DDRM.mult(factors[j], p, tmp);
            p.setTo(tmp);
        }
        return p;
    }

    /** @return G = (2/m) P_Omega(W - Y), the gradient of the mean squared loss in W */
    DMatrixRMaj gradient(DMatrixRMaj w) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        int m = observations.size();
        for (int k = 0; k < m; k++) {
            int i = observations.row(k);
            int c = observations.col(k);
            g.set(i, c, 2.0 / m * (w.get(i, c) - observations.value(k)));
        }
        return g;
    }

    /** @return mean over observed entries of (W_ij - y_ij)^2 */
    double loss() {
        DMatrixRMaj w = endToEnd();
        double sum = 0;
        for (int k = 0; k < observations.size(); k++) {
            double d = w.get(observations.row(k), observations.col(k)) - observations.value(k);
            sum += d * d;
        }
        return sum / observations.size();
    }

    /** @return dL/dW_j = S_j^T G P_{j-1}^T for every factor (0-based j) */
    DMatrixRMaj[] factorGradients(DMatrixRMaj g) {
        int depth = factors.length;
        DMatrixRMaj[] grads = new DMatrixRMaj[depth];
        DMatrixRMaj prefix = CommonOps_DDRM.identity(n); // W_{j-1} ... W_1
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int j = 0; j < depth; j++) {
            DMatrixRMaj suffix = suffixFrom(j + 1);
            CommonOps_DDRM.multTransA(suffix, g, tmp);
            grads[j] = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(tmp, prefix, grads[j]);
            DMatrixRMaj next = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(factors[j], prefix, next);
            prefix = next;
        }
        return grads;
    }

    /** One gradient-descent step on every factor with learning rate lr. */
    void step(double lr) {
        DMatrixRMaj[] grads = factorGradients(gradient(endToEnd()));
        for (int j = 0; j < factors.length; j++) {
            CommonOps_DDRM.addEquals(factors[j], -lr, grads[j]);
        }
    }

    DMatrixRMaj factor(int j) {
        return factors[j];
    }

    int depth() {
        return factors.length;
    }
}
