package org.deepfact.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Updates the factors in place from their gradients. Implementations preallocate their state
 * on construction and allocate nothing per step.
 */
public interface Optimizer {

    /** Applies one step: factors[j] -= (step rule)(grads[j]). */
    void step(DMatrixRMaj[] factors, DMatrixRMaj[] grads);

    /** @return the global step size eta_t of the last step (NaN before the first step) */
    double lastStepSize();

    /**
     * @param dims layer dimensions (factor j-1 is dims[j] x dims[j-1]); used by per-entry optimizers
     * @throws IllegalArgumentException when lr is not finite and positive
     */
    static Optimizer create(OptimizerKind kind, double lr, int[] dims) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Learning rate must be finite and > 0, got " + lr);
        }
        return switch (kind) {
            case GD -> new GradientDescent(lr);
            case GROUP_RMSPROP -> new GroupRmsProp(lr);
            case ADAM -> new Adam(lr, dims);
        };
    }

    /** @return sum over factors of ||grads[j]||_F^2 */
    static double squaredNorm(DMatrixRMaj[] grads) {
        double sum = 0;
        for (DMatrixRMaj g : grads) {
            double[] d = g.data;
            int n = g.getNumElements();
            for (int e = 0; e < n; e++) {
                sum += d[e] * d[e];
            }
        }
        return sum;
    }

    /** factor -= eta * grad, entrywise. */
    static void axpy(DMatrixRMaj factor, double eta, DMatrixRMaj grad) {
        double[] w = factor.data;
        double[] g = grad.data;
        int n = factor.getNumElements();
        for (int e = 0; e < n; e++) {
            w[e] -= eta * g[e];
        }
    }
}
