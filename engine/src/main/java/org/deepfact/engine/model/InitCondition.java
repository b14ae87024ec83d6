package org.deepfact.engine.model;

import org.deepfact.engine.Choice;

/**
 * A condition the initial end-to-end matrix W(0) = W_N ... W_1 must meet (square W only).
 *
 * <p>Razin and Cohen (NeurIPS 2020) show that on their 2 x 2 completion problem the sign of
 * det W(0) decides the outcome: gradient flow of a depth >= 2 factorization cannot change the
 * sign of det W, so from det W(0) &gt; 0 fitting the observations drives the unobserved entry, and
 * every norm, to infinity. Their code resamples the random factors until the sign is right; we
 * instead negate the first row of W_N when the sign is wrong. That is deterministic (one draw per
 * seed), keeps the distribution of the draw conditioned on the sign (a Gaussian or uniform factor
 * is symmetric under a row sign flip) and keeps balanced initialisations balanced (W_N^T W_N is
 * unchanged).
 */
public enum InitCondition implements Choice {
    /** No condition: the draw as it comes. */
    NONE,
    /** det W(0) &gt; 0. */
    POSITIVE_DETERMINANT,
    /** det W(0) &lt; 0. */
    NEGATIVE_DETERMINANT;

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses an id such as "positive_determinant". */
    public static InitCondition parse(String id) {
        return Choice.parse(InitCondition.class, id, "initialisation condition");
    }
}
