package org.deepfact.engine.theory;

/**
 * Settings of {@link DynamicsCheck}: gradient descent from the balanced identity
 * initialization s^(1/N) I for {@code warmupSteps} steps (so the top singular values
 * separate and their vectors are well defined), then {@code measuredSteps} steps where the
 * change of the top-k singular values is compared with the theory.
 */
public record DynamicsConfig(int depth, double learningRate, double initScale, int warmupSteps, int measuredSteps,
        int topK) {

    /** @throws IllegalArgumentException naming the first bad setting */
    public DynamicsConfig {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("initScale must be finite and > 0, got " + initScale);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (measuredSteps < 1) {
            throw new IllegalArgumentException("measuredSteps must be >= 1, got " + measuredSteps);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
    }
}
