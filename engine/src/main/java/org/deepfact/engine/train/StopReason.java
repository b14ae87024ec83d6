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

    /**
     * @return the lower-case snake name used in every file and printout ("converged",
     *         "max_iterations", "diverged"): {@code train --json}, the reproduce CSVs, the sweep results
     */
    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static StopReason parse(String id) {
        return Choice.parse(StopReason.class, id, "stop reason");
    }
}
