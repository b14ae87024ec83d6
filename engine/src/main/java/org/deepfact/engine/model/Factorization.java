package org.deepfact.engine.model;

import org.deepfact.engine.Choice;

/**
 * The form of the end-to-end matrix. General: W = W_N ... W_1 (the seed paper's). Symmetric:
 * W = P P^T with P = W_k ... W_1 and end-to-end depth N = 2k, so W is symmetric PSD by construction
 * (depth 2 is Gunasekar et al.'s W = U U^T, NeurIPS 2017; depth 4 is W_2 W_1 W_1^T W_2^T).
 * Symmetric needs a square problem and an even depth.
 */
public enum Factorization implements Choice {
    /** W = W_N ... W_1. */
    GENERAL,
    /** W = P P^T, P = W_{N/2} ... W_1. */
    SYMMETRIC;

    /** @return the number of trained factors at end-to-end depth N: N, or P's N/2 for the symmetric form */
    public int factorCount(int depth) {
        return this == SYMMETRIC ? depth / 2 : depth;
    }

    /** Parses an id such as "symmetric". */
    public static Factorization parse(String id) {
        return Choice.parse(Factorization.class, id, "factorization");
    }
}
