package org.deepfact.engine.tensor;

/**
 * The authors' reconstruction error, ||P(X - T*)||_F / ||P(T*)||_F, over all entries and over the
 * unobserved ones; the plain distance when the reference norm is zero (as their code does).
 *
 * @param all over every entry
 * @param unobserved over the entries not in the observed mask
 */
public record TensorErrors(double all, double unobserved) {

    /** @param observed observed[p] for every linear position p */
    public static TensorErrors of(double[] estimate, double[] truth, boolean[] observed) {
        double all = 0;
        double unobserved = 0;
        double truthAll = 0;
        double truthUnobserved = 0;
        for (int p = 0; p < truth.length; p++) {
            double d = estimate[p] - truth[p];
            double t = truth[p] * truth[p];
            all += d * d;
            truthAll += t;
            if (!observed[p]) {
                unobserved += d * d;
                truthUnobserved += t;
            }
        }
        return new TensorErrors(ratio(all, truthAll), ratio(unobserved, truthUnobserved));
    }

    /** @return the observed mask of the entries: true at their linear positions */
    public static boolean[] mask(TensorEntries entries) {
        boolean[] m = new boolean[entries.shape().size()];
        for (int k = 0; k < entries.size(); k++) {
            m[entries.linear(k)] = true;
        }
        return m;
    }

    private static double ratio(double squared, double reference) {
        return reference > 0 ? Math.sqrt(squared / reference) : Math.sqrt(squared);
    }
}
