package org.deepfact.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The authors' GroupRMSprop (science.md section 3): one scalar second-moment estimate shared by
 * all factors, v_t = 0.99 v_{t-1} + 0.01 sum_j ||dL/dW_j||_F^2 (v_0 = 0),
 * eta_t = lr / (sqrt(v_t / (1 - 0.99^t)) + 1e-4), W_j &lt;- W_j - eta_t dL/dW_j.
 * The direction is the exact gradient; only the global step adapts.
 */
public final class GroupRmsProp implements Optimizer {

    /** Decay of the second-moment estimate. */
    public static final double BETA = 0.99;
    /** Added to the root-mean-square before dividing. */
    public static final double EPS = 1e-4;

    private final double lr;
    private final double eps;
    private double v;
    private int t;
    private double last = Double.NaN;

    /** @param lr learning rate, validated by {@link Optimizer#create} */
    public GroupRmsProp(double lr) {
        this(lr, EPS);
    }

    /**
     * @param eps added to the root-mean-square; the authors' tensor code uses 1e-6 where their matrix
     *        code uses {@link #EPS} (with tiny initial gradients it sets the first steps' size, lr / eps)
     */
    public GroupRmsProp(double lr, double eps) {
        this.lr = lr;
        this.eps = eps;
    }

    @Override
    public void step(DMatrixRMaj[] factors, DMatrixRMaj[] grads) {
        t++;
        v = BETA * v + (1 - BETA) * Optimizer.squaredNorm(grads);
        double eta = lr / (Math.sqrt(v / (1 - Math.pow(BETA, t))) + eps);
        for (int j = 0; j < factors.length; j++) {
            Optimizer.axpy(factors[j], eta, grads[j]);
        }
        last = eta;
    }

    @Override
    public double lastStepSize() {
        return last;
    }
}
