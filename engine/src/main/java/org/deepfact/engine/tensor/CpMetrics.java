package org.deepfact.engine.tensor;

/**
 * Computes {@link CpHistoryRecord}s: the dense tensor (into a preallocated array), its errors,
 * the component norms, the learned tensor rank and the top-k norms. Called only at records.
 */
final class CpMetrics {

    private final TensorShape shape;
    private final int rank;
    private final int topK;
    private final double[] truth;
    private final boolean[] observedMask;
    private final TensorEntries heldOut;
    private final double heldOutNorm;
    private final double rankThreshold;
    private final double[][] modeFactors;
    private final double[] dense;
    private final double[] work;
    private final double[] norms;

    CpMetrics(TensorProblem problem, int rank, CpConfig config) {
        shape = problem.shape();
        this.rank = rank;
        topK = Math.min(config.topK(), rank);
        truth = problem.groundTruthShared();
        TensorEntries observed = problem.observed();
        observedMask = TensorErrors.mask(observed);
        heldOut = problem.heldOut();
        heldOutNorm = heldOut == null ? Double.NaN : Math.sqrt(heldOut.meanSquare() * heldOut.size());
        // The Frobenius norm the observations imply: sqrt(entries * mean square of observed values).
        rankThreshold = config.rankTolerance() * Math.sqrt(shape.size() * observed.meanSquare());
        modeFactors = new double[shape.order()][];
        for (int n = 0; n < shape.order(); n++) {
            modeFactors[n] = new double[shape.dim(n) * rank];
        }
        dense = new double[shape.size()];
        work = new double[(shape.order() - 1) * rank];
        norms = new double[rank];
    }

    CpHistoryRecord record(long t, double loss, double[] params, double stepSize, double gradientNorm,
            double seconds) {
        split(shape, rank, params, modeFactors);
        CpTensor.fullInto(shape, rank, modeFactors, dense, work);
        CpTensor.componentNormsInto(shape, rank, modeFactors, norms);
        double errAll = Double.NaN;
        double errUnobserved = Double.NaN;
        if (truth != null) {
            TensorErrors errors = TensorErrors.of(dense, truth, observedMask);
            errAll = errors.all();
            errUnobserved = errors.unobserved();
        }
        double errHeld = Double.NaN;
        if (heldOut != null) {
            double s = 0;
            for (int k = 0; k < heldOut.size(); k++) {
                double d = dense[heldOut.linear(k)] - heldOut.value(k);
                s += d * d;
            }
            errHeld = ratio(Math.sqrt(s), heldOutNorm);
        }
        int tensorRank = 0;
        for (double v : norms) {
            tensorRank += v >= rankThreshold ? 1 : 0;
        }
        int[] top = topIndices(norms, topK);
        double[] topNorms = new double[top.length];
        for (int k = 0; k < top.length; k++) {
            topNorms[k] = norms[top[k]];
        }
        return new CpHistoryRecord(t, loss, errAll, errUnobserved, errHeld, tensorRank, rankThreshold, stepSize,
                gradientNorm, topNorms, top, seconds);
    }

    /**
     * Cuts the parameter vector (mode after mode, each d_n x R row-major) into the factors.
     *
     * @param into the factors to fill, or null for new arrays
     */
    static double[][] split(TensorShape shape, int rank, double[] params, double[][] into) {
        double[][] f = into == null ? new double[shape.order()][] : into;
        int o = 0;
        for (int n = 0; n < shape.order(); n++) {
            int len = shape.dim(n) * rank;
            if (into == null) {
                f[n] = new double[len];
            }
            System.arraycopy(params, o, f[n], 0, len);
            o += len;
        }
        return f;
    }

    /** An error relative to a reference norm; the absolute error when the reference is zero (authors' rule). */
    private static double ratio(double err, double ref) {
        return ref > 0 ? err / ref : err;
    }

    /** @return the indices of the k largest values, descending (ties: lower index first) */
    static int[] topIndices(double[] v, int k) {
        int[] top = new int[k];
        boolean[] taken = new boolean[v.length];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int r = 0; r < v.length; r++) {
                if (!taken[r] && (best < 0 || v[r] > v[best])) {
                    best = r;
                }
            }
            taken[best] = true;
            top[j] = best;
        }
        return top;
    }

    /** @return the dense tensor of the last record */
    double[] completed() {
        return dense.clone();
    }

    /** @return the component norms of the last record */
    double[] componentNorms() {
        return norms.clone();
    }
}
