package org.deepfact.engine.train;

/**
 * The train loss at the initialisation is already not finite: the factors' product overflowed
 * (an initialisation scale far too large for the depth), so no learning rate can help. The data
 * are finite (Observations and RecoveryProblem check), so the initialisation is what to change.
 */
public final class InitialisationOverflowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final double initScale;
    private final double loss;

    public InitialisationOverflowException(double initScale, int depth, double loss) {
        super("The initialisation overflowed: train loss " + loss + " at iteration 0 with initialisation scale "
                + initScale + " and depth " + depth + "; use a smaller initialisation scale");
        this.initScale = initScale;
        this.loss = loss;
    }

    /** @return the train loss at the initialisation (infinite or NaN) */
    public double loss() {
        return loss;
    }

    /** @return the initialisation scale that overflowed */
    public double initScale() {
        return initScale;
    }
}
