package org.deepfact.engine.train;

import org.ejml.data.DMatrixRMaj;

/** A training loss over the factors: its value and the gradient of every factor. */
interface Objective {

    /**
     * @param factors current W_1 .. W_N (index j-1 holds W_j)
     * @param grads   overwritten with dL/dW_j, same shapes as the factors
     * @return the mean train loss at {@code factors}
     */
    double evaluate(DMatrixRMaj[] factors, DMatrixRMaj[] grads);

    /** Writes the end-to-end gradient dL/dW at the point of the last {@link #evaluate} into {@code out}. */
    void endToEndGradient(DMatrixRMaj out);
}
