package org.deepfact.engine.train;

/** Why training ended normally (divergence and cancellation end with exceptions instead). */
public enum StopReason {
    /** The train loss reached the loss threshold. */
    CONVERGED,
    /** The iteration cap was reached first. */
    MAX_ITERATIONS;

    /**
     * @return the lower-case snake name used in every file and printout ("converged",
     *         "max_iterations"): {@code train --json}, the reproduce CSVs, the sweep results
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
