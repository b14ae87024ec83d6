package org.deepfact.engine.optim;

import org.ejml.data.DMatrixRMaj;

/** W_j &lt;- W_j - lr * dL/dW_j. */
public final class GradientDescent implements Optimizer {

    private final double lr;
    private double last = Double.NaN;

    /** @param lr learning rate, validated by {@link Optimizer#create} */
    public GradientDescent(double lr) {
        this.lr = lr;
    }

    @Override
    public void step(DMatrixRMaj[] factors, DMatrixRMaj[] grads) {
        for (int j = 0; j < factors.length; j++) {
            Optimizer.axpy(factors[j], lr, grads[j]);
        }
        last = lr;
    }

    @Override
    public double lastStepSize() {
        return last;
    }
}
