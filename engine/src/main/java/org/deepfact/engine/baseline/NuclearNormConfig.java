package org.deepfact.engine.baseline;

/**
 * Settings of the minimum-nuclear-norm solver. Immutable; every {@code with*} call validates
 * its argument and throws {@link IllegalArgumentException} naming the setting.
 */
public final class NuclearNormConfig {

    /** The authors' CVXPY constraint slack |A(X)_i - y_i| &lt;= 1e-3. */
    public static final double DEFAULT_EPSILON = 1e-3;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;

    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;
    private final boolean psd;

    private NuclearNormConfig(double epsilon, double tolerance, int maxIterations, boolean psd) {
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.psd = psd;
    }

    /** @return epsilon 1e-3, tolerance 1e-6, at most 20 000 iterations, no PSD constraint */
    public static NuclearNormConfig defaults() {
        return new NuclearNormConfig(DEFAULT_EPSILON, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, false);
    }

    /** @param epsilon box half-width of each constraint, &gt;= 0; 0 means equality constraints */
    public NuclearNormConfig withEpsilon(double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon (constraint slack) must be finite and >= 0, got " + epsilon);
        }
        return new NuclearNormConfig(epsilon, tolerance, maxIterations, psd);
    }

    /** @param tolerance relative primal and dual residual at which the solver stops, in (0, 1) */
    public NuclearNormConfig withTolerance(double tolerance) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance (relative residual) must be in (0, 1), got " + tolerance);
        }
        return new NuclearNormConfig(epsilon, tolerance, maxIterations, psd);
    }

    /** @param maxIterations iteration cap, &gt;= 1; hitting it is reported, not thrown */
    public NuclearNormConfig withMaxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        return new NuclearNormConfig(epsilon, tolerance, maxIterations, psd);
    }

    /**
     * @param psd true: minimise tr(X) over PSD X instead of ||X||_* (Gunasekar et al. 2017's
     *        baseline for the symmetric model U U^T; needs a square problem). On the PSD cone
     *        the two agree, so the reported nuclear norm is then the trace.
     */
    public NuclearNormConfig withPsd(boolean psd) {
        return new NuclearNormConfig(epsilon, tolerance, maxIterations, psd);
    }

    public double epsilon() {
        return epsilon;
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** @return true when the solver minimises the trace over the PSD cone */
    public boolean psd() {
        return psd;
    }

    @Override
    public String toString() {
        return "NuclearNormConfig[epsilon=" + epsilon + ", tolerance=" + tolerance + ", maxIterations="
                + maxIterations + ", psd=" + psd + "]";
    }
}
