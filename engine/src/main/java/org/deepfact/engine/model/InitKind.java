package org.deepfact.engine.model;

import org.deepfact.engine.Choice;

/** Factor initialisations of science.md section 2 (scale s, depth N, factor fan-in n). */
public enum InitKind implements Choice {
    /** i.i.d. N(0, (s^(1/N) / sqrt(n))^2). */
    GAUSSIAN,
    /** i.i.d. U(-sqrt(3) s^(1/N) / sqrt(n), +sqrt(3) s^(1/N) / sqrt(n)). */
    UNIFORM,
    /** Balanced: W_j = s^(1/N) I. */
    IDENTITY,
    /** Balanced: W_j = (s sqrt(n))^(1/N) Q_j, Q_j orthogonal with W_{j+1}^T W_{j+1} = W_j W_j^T. */
    ORTHOGONAL;


    /** Parses a case-insensitive name such as "gaussian". */
    public static InitKind parse(String name) {
        return Choice.parse(InitKind.class, name, "initialisation");
    }
}
