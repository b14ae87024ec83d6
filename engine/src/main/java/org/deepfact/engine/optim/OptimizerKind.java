package org.deepfact.engine.optim;

import java.util.List;

import org.deepfact.engine.Choice;

/** The optimisers of science.md section 3. */
public enum OptimizerKind implements Choice {
    /** Full-batch gradient descent (the authors call it SGD). */
    GD("gd", "sgd"),
    /** The authors' GroupRMSprop: one adaptive step size shared by all factors. */
    GROUP_RMSPROP("grouprmsprop", "group_rmsprop", "group-rmsprop"),
    /** Standard per-entry Adam (beta1 0.9, beta2 0.999, eps 1e-8). */
    ADAM("adam");

    private final String id;
    private final List<String> aliases;

    OptimizerKind(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    /** Parses "gd" (also "sgd"), "grouprmsprop" (also "group_rmsprop") or "adam", case-insensitively. */
    public static OptimizerKind parse(String name) {
        return Choice.parse(OptimizerKind.class, name, "optimizer");
    }
}
