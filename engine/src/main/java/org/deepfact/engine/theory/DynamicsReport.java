package org.deepfact.engine.theory;

/**
 * Result of {@link DynamicsCheck}: for checked step t (from iteration {@code iterations[t]} to
 * the next) and singular value r (0-based, top-k),
 * {@code measured[t][r] = sigma_r(after) - sigma_r(before)} and
 * {@code predicted[t][r] = -eta N sigma_r^(2 - 2/N) &lt;G, u_r v_r^T&gt;} (science.md section 6);
 * {@code relativeDiscrepancy[r] = sum_t |measured - predicted| / sum_t |predicted|}.
 */
public record DynamicsReport(long[] iterations, double[][] measured, double[][] predicted,
        double[] relativeDiscrepancy) {

    /** @return the largest relative discrepancy over the top-k singular values */
    public double maxRelativeDiscrepancy() {
        double max = 0;
        for (double d : relativeDiscrepancy) {
            max = Math.max(max, d);
        }
        return max;
    }
}
