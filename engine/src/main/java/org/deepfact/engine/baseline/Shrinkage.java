package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * The proximal map of the solvers' objective, t * f, applied to an n x m matrix: for the
 * nuclear norm ({@link SingularValueShrinkage}) singular-value soft-thresholding; for the
 * trace plus the indicator of the PSD cone ({@link EigenvalueShrinkage}) eigenvalue
 * thresholding of the symmetric part. Both solvers take one, so the PSD variant is the same
 * iteration with another prox. Implementations hold buffers for one shape; not thread-safe.
 */
interface Shrinkage {

    /**
     * Writes prox_{t f}(g) into {@code out} (may not alias g), t &gt; 0.
     *
     * @return f of the result (its nuclear norm; for the PSD prox that is its trace)
     */
    double shrink(DMatrixRMaj g, double t, DMatrixRMaj out);

    /** @return how many singular values or eigenvalues survived the last {@link #shrink} */
    int lastRank();

    /**
     * NaN &gt; t is false, so a NaN that reached the thresholding would silently give X = 0: every
     * entry of the decomposed matrix and every eigen- or singular value is checked with this.
     *
     * @throws IllegalStateException naming the value and the solver when v is NaN or infinite
     */
    static void requireFinite(double v, String what, String solver) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("The " + solver + "'s iterate is no longer finite: " + what + " " + v
                    + " (the problem's scale overflows double precision)");
        }
    }

    /** @return the prox of the minimum-trace PSD problem when psd, else of the nuclear norm */
    static Shrinkage of(int rows, int cols, boolean psd) {
        return psd ? new EigenvalueShrinkage(rows) : new SingularValueShrinkage(rows, cols);
    }
}
