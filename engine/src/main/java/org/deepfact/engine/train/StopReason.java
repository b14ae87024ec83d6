package org.deepfact.engine.train;

import org.deepfact.engine.Choice;

/**
 * Why a run ended. The trainer itself ends normally with CONVERGED or MAX_ITERATIONS (divergence
 * and cancellation end with exceptions); sweeps, and nodes told to report divergence, record a
 * diverged run as DIVERGED instead of failing.
 */
public enum StopReason implements Choice {
    /** The train loss reached the loss threshold. */
    CONVERGED,
    /** The iteration cap was reached first. */
    MAX_ITERATIONS,
    /** The loss became non-finite or grew by orders of magnitude (see DivergenceException). */
    DIVERGED;

    public static StopReason parse(String id) {
        return Choice.parse(StopReason.class, id, "stop reason");
    }
}
