package org.deepfact.engine.experiment;

/**
 * Summary of one group of runs: mean, sample standard deviation (n - 1 in the denominator;
 * 0 for a single value), smallest and largest value, and the number of values. NaN values
 * (e.g. a metric of a diverged run) are left out and counted in {@code missing}.
 */
public record Stats(int n, int missing, double mean, double std, double min, double max) {

    /** @return statistics of the finite and infinite (non-NaN) values */
    public static Stats of(double... values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new Stats(0, values.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Stats(n, values.length - n, mean, std, min, max);
    }

    /**
     * Lower end of a mean &plusmn; std error bar that stays positive for a log axis: mean - std
     * when that is positive, otherwise the smallest value.
     */
    public double lowerBarPositive() {
        double lo = mean - std;
        return lo > 0 ? lo : min;
    }
}
