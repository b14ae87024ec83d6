package org.deepfact.engine.train;

/**
 * Training diverged: the loss became NaN / infinite or grew by orders of magnitude. The
 * message names the learning rate, the iteration and the loss so a user knows what to change.
 */
public final class DivergenceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final double learningRate;
    private final long iteration;

    /** @param loss the offending loss value */
    public DivergenceException(double learningRate, long iteration, double loss, double initialLoss) {
        super("Training diverged at iteration " + iteration + " with learning rate " + learningRate
                + ": train loss " + loss + " (initial " + initialLoss + "); try a smaller learning rate");
        this.learningRate = learningRate;
        this.iteration = iteration;
    }

    /** @return the learning rate that diverged */
    public double learningRate() {
        return learningRate;
    }

    /** @return the iteration at which divergence was detected */
    public long iteration() {
        return iteration;
    }
}
