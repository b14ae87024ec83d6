package org.deepfact.engine.optim;

import org.ejml.data.DMatrixRMaj;

/** Standard per-entry Adam (Kingma and Ba) with bias correction; beta1 0.9, beta2 0.999, eps 1e-8. */
public final class Adam implements Optimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double lr;
    private final double[][] m;
    private final double[][] v;
    private int t;

    /** @param dims layer dimensions; state is preallocated for every factor */
    public Adam(double lr, int[] dims) {
        this.lr = lr;
        int depth = dims.length - 1;
        m = new double[depth][];
        v = new double[depth][];
        for (int j = 0; j < depth; j++) {
            m[j] = new double[dims[j + 1] * dims[j]];
            v[j] = new double[dims[j + 1] * dims[j]];
        }
    }

    @Override
    public void step(DMatrixRMaj[] factors, DMatrixRMaj[] grads) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int j = 0; j < factors.length; j++) {
            double[] w = factors[j].data;
            double[] g = grads[j].data;
            double[] mj = m[j];
            double[] vj = v[j];
            for (int e = 0; e < mj.length; e++) {
                mj[e] = BETA1 * mj[e] + (1 - BETA1) * g[e];
                vj[e] = BETA2 * vj[e] + (1 - BETA2) * g[e] * g[e];
                w[e] -= lr * (mj[e] / c1) / (Math.sqrt(vj[e] / c2) + EPS);
            }
        }
    }

    @Override
    public double lastStepSize() {
        return t == 0 ? Double.NaN : lr;
    }
}
