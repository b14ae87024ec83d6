package org.deepfact.engine.train;

/** Why training ended normally (divergence and cancellation end with exceptions instead). */
public enum StopReason {
    /** The train loss reached the loss threshold. */
    CONVERGED,
    /** The iteration cap was reached first. */
    MAX_ITERATIONS
}
