package org.deepfact.engine.tensor;

/**
 * What a CP factorization fits: observed entries of a tensor, plus optional references for the
 * test error: the dense ground truth (gives the reconstruction error over all and over the
 * unobserved entries) and/or held-out entries (gives the held-out error). Immutable.
 */
public final class TensorProblem {

    private final TensorEntries observed;
    private final double[] groundTruth;
    private final TensorEntries heldOut;

    private TensorProblem(TensorEntries observed, double[] groundTruth, TensorEntries heldOut) {
        this.observed = observed;
        this.groundTruth = groundTruth;
        this.heldOut = heldOut;
    }

    /** Tensor completion from the observed entries. */
    public static TensorProblem completion(TensorEntries observed) {
        if (observed == null) {
            throw new IllegalArgumentException("Observed entries must be given");
        }
        return new TensorProblem(observed, null, null);
    }

    /** @return a copy that also reports errors against the dense ground truth (row-major) */
    public TensorProblem withGroundTruth(double[] dense) {
        if (dense == null || dense.length != shape().size()) {
            throw new IllegalArgumentException("Ground truth has " + (dense == null ? 0 : dense.length)
                    + " entries but the problem's tensor " + shape() + " has " + shape().size());
        }
        return new TensorProblem(observed, dense.clone(), heldOut);
    }

    /** @return a copy that also reports the error on held-out entries */
    public TensorProblem withHeldOut(TensorEntries held) {
        if (held != null && !held.shape().equals(shape())) {
            throw new IllegalArgumentException("Held-out entries are for a " + held.shape() + " tensor but the problem's is "
                    + shape() + (held.shape().order() != shape().order() ? " (order mismatch)" : ""));
        }
        return new TensorProblem(observed, groundTruth, held);
    }

    public TensorShape shape() {
        return observed.shape();
    }

    public TensorEntries observed() {
        return observed;
    }

    /** @return the dense ground truth or null (shared: do not modify) */
    double[] groundTruthShared() {
        return groundTruth;
    }

    /** @return whether a ground truth is attached */
    public boolean hasGroundTruth() {
        return groundTruth != null;
    }

    /** @return held-out entries or null */
    public TensorEntries heldOut() {
        return heldOut;
    }
}
