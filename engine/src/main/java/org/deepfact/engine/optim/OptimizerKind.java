package org.deepfact.engine.optim;

/** The optimisers of science.md section 3. */
public enum OptimizerKind {
    /** Full-batch gradient descent. */
    GD,
    /** The authors' GroupRMSprop: one adaptive step size shared by all factors. */
    GROUP_RMSPROP,
    /** Standard per-entry Adam (beta1 0.9, beta2 0.999, eps 1e-8). */
    ADAM;

    /** Parses "gd", "grouprmsprop" (also "group_rmsprop") or "adam", case-insensitively. */
    public static OptimizerKind parse(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
        return switch (n) {
            case "gd", "sgd" -> GD;
            case "grouprmsprop" -> GROUP_RMSPROP;
            case "adam" -> ADAM;
            default -> throw new IllegalArgumentException("Unknown optimizer '" + name
                    + "': expected gd, grouprmsprop or adam");
        };
    }
}
