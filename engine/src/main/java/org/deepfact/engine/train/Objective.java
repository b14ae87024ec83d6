package org.deepfact.engine.train;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.ejml.data.DMatrixRMaj;

/** A training loss over the factors: its value and the gradient of every factor. */
public interface Objective {

    /**
     * The training objective of a problem: the sparse-aware completion passes or the fused sensing
     * pass, with dense products on {@code kernel}.
     *
     * @param cancel consulted inside long passes
     */
    static Objective of(RecoveryProblem problem, int[] dims, DenseKernel kernel, ProgressCallback cancel) {
        return problem.isCompletion() ? new CompletionObjective(problem.observations(), dims, kernel, cancel)
                : new SensingObjective(problem.sensingOperator(), problem.measurements(), dims, kernel, cancel);
    }

    /**
     * @param factors current W_1 .. W_N (index j-1 holds W_j)
     * @param grads   overwritten with dL/dW_j, same shapes as the factors
     * @return the mean train loss at {@code factors}
     */
    double evaluate(DMatrixRMaj[] factors, DMatrixRMaj[] grads);

    /** Writes the end-to-end gradient dL/dW at the point of the last {@link #evaluate} into {@code out}. */
    void endToEndGradient(DMatrixRMaj out);
}
