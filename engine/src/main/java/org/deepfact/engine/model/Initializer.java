package org.deepfact.engine.model;

import java.util.SplittableRandom;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.linalg.DeterminantSign;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Creates the initial factors W_1 .. W_N with the scale rules of science.md section 2.
 *
 * <p>n is each factor's fan-in (its number of columns); with the default square factors this is
 * the paper's n and ||W(0)||_F is about s sqrt(n) for the random kinds (in general about
 * s sqrt(rows)). Non-square factors, balanced kinds: with k = min over all dims, W_j =
 * c U_j U_{j-1}^T where each U_j (dims[j] x k) has orthonormal columns (the first k unit
 * vectors for IDENTITY, Haar-random for ORTHOGONAL). Then W_{j+1}^T W_{j+1} = c^2 U_j U_j^T =
 * W_j W_j^T exactly, W(0) has rank k, and for square factors this is exactly the paper's rule
 * (c = s^(1/N) for identity, c = (s sqrt(n))^(1/N) for orthogonal, with n replaced by k).
 */
public final class Initializer {

    private Initializer() {
    }

    /**
     * @param dims layer dimensions from {@link Widths#resolve}
     * @return N new factors, factor j-1 of shape dims[j] x dims[j-1]
     * @throws IllegalArgumentException when the scale is not finite and positive
     */
    public static DMatrixRMaj[] initialize(int[] dims, InitKind kind, double scale, long seed) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("Initialisation scale must be finite and > 0, got " + scale);
        }
        int depth = dims.length - 1;
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj[] factors = new DMatrixRMaj[depth];
        double root = Math.pow(scale, 1.0 / depth);
        switch (kind) {
            case GAUSSIAN, UNIFORM -> {
                for (int j = 0; j < depth; j++) {
                    DMatrixRMaj f = new DMatrixRMaj(dims[j + 1], dims[j]);
                    double std = root / Math.sqrt(dims[j]);
                    double bound = Math.sqrt(3) * std;
                    for (int e = 0; e < f.data.length; e++) {
                        f.data[e] = kind == InitKind.GAUSSIAN ? std * rng.nextGaussian()
                                : bound * (2 * rng.nextDouble() - 1);
                    }
                    factors[j] = f;
                }
            }
            case IDENTITY, ORTHOGONAL -> {
                int k = Integer.MAX_VALUE;
                for (int d : dims) {
                    k = Math.min(k, d);
                }
                double c = kind == InitKind.IDENTITY ? root : Math.pow(scale * Math.sqrt(k), 1.0 / depth);
                DMatrixRMaj[] u = new DMatrixRMaj[depth + 1];
                for (int j = 0; j <= depth; j++) {
                    u[j] = kind == InitKind.IDENTITY ? CommonOps_DDRM.identity(dims[j], k)
                            : GroundTruth.orthonormalColumns(gaussian(dims[j], k, rng));
                }
                for (int j = 0; j < depth; j++) {
                    DMatrixRMaj f = new DMatrixRMaj(dims[j + 1], dims[j]);
                    CommonOps_DDRM.multTransB(c, u[j + 1], u[j], f);
                    factors[j] = f;
                }
            }
            default -> throw new IllegalArgumentException("Unknown initialisation " + kind);
        }
        return factors;
    }

    /**
     * The scale to give {@link #initialize} for a chain of {@code halfDims.length - 1} factors (P of
     * W = P P^T) so that each factor is drawn exactly as a factor of the general chain twice as deep
     * at end-to-end scale {@code scale}: every kind's per-factor scale is scale^(1/N) (N the full
     * depth), except orthogonal's (scale sqrt(k))^(1/N); the half chain's own rule would give
     * (scale' sqrt(k))^(2/N), so scale' = sqrt(scale / sqrt(k)) (sqrt(scale) would give W(0) = s k).
     * So W(0) = P P^T has the end-to-end scale of the general rule (identity: s I; orthogonal:
     * s sqrt(k) times a rank-k projection, ||W(0)||_2 = s sqrt(k)).
     */
    public static double halfChainScale(int[] halfDims, InitKind kind, double scale) {
        if (kind == InitKind.ORTHOGONAL) {
            int k = Integer.MAX_VALUE;
            for (int d : halfDims) {
                k = Math.min(k, d);
            }
            return Math.sqrt(scale / Math.sqrt(k));
        }
        return Math.sqrt(scale);
    }

    /**
     * {@link #initialize(int[], InitKind, double, long)}, then, if the sign of det W(0) is wrong,
     * negates the first row of W_N, which negates the first row of W(0) and so its determinant
     * (see {@link InitCondition} for why this is the conditioned draw).
     *
     * @throws IllegalArgumentException when a determinant condition is asked of a non-square
     *         matrix or of a factorization that cannot have full rank (a hidden width below the
     *         matrix size), or when det W(0) is zero
     */
    public static DMatrixRMaj[] initialize(int[] dims, InitKind kind, double scale, long seed,
            InitCondition condition) {
        if (condition == null) {
            throw new IllegalArgumentException("Initialisation condition must be given");
        }
        if (condition != InitCondition.NONE) {
            int n = dims[dims.length - 1];
            if (dims[0] != n) {
                throw new IllegalArgumentException("Initialisation condition " + condition.id()
                        + " needs a square matrix, got " + n + " x " + dims[0]);
            }
            for (int j = 1; j < dims.length - 1; j++) {
                if (dims[j] < n) {
                    throw new IllegalArgumentException("Initialisation condition " + condition.id()
                            + " needs hidden widths >= " + n + " (else det W = 0), got width " + dims[j]);
                }
            }
        }
        DMatrixRMaj[] factors = initialize(dims, kind, scale, seed);
        if (condition == InitCondition.NONE) {
            return factors;
        }
        int sign = DeterminantSign.of(product(factors));
        if (sign == 0) {
            throw new IllegalArgumentException("det W(0) is zero for seed " + seed + ": condition " + condition.id()
                    + " cannot be met");
        }
        int wanted = condition == InitCondition.POSITIVE_DETERMINANT ? 1 : -1;
        if (sign != wanted) {
            DMatrixRMaj last = factors[factors.length - 1];
            for (int c = 0; c < last.numCols; c++) {
                last.data[c] = -last.data[c];
            }
        }
        return factors;
    }

    /** @return W_N ... W_1 (once per run, so EJML's plain product is fast enough) */
    public static DMatrixRMaj product(DMatrixRMaj[] factors) {
        DMatrixRMaj w = factors[0].copy();
        for (int j = 1; j < factors.length; j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors[j].numRows, w.numCols);
            CommonOps_DDRM.mult(factors[j], w, next);
            w = next;
        }
        return w;
    }

    private static DMatrixRMaj gaussian(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }
}
