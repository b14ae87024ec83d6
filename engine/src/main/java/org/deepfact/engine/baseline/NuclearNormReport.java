package org.deepfact.engine.baseline;

/**
 * How a minimum-nuclear-norm solve ended. Residuals are relative (see
 * {@link NuclearNormSolver} for their definitions); {@code maxViolation} is measured on the
 * returned matrix: max_i max(0, |A(X)_i - y_i| - epsilon).
 */
public record NuclearNormReport(
        String method,
        boolean converged,
        int iterations,
        double primalResidual,
        double dualResidual,
        double nuclearNorm,
        double maxViolation,
        double seconds) {
}
