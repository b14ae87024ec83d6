package org.deepfact.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The objective's loss and gradient against an independent computation: the loss from the
 * dense tensor built entry by entry with nested loops, and every gradient entry against a central
 * finite difference of that loss; for both routes (per entry and through the unfolding).
 */
class CpGradientTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 2, 5})
    void gradientMatchesCentralDifferences(int order) {
        int[] dims = switch (order) {
            case 2 -> new int[] {4, 3};
            case 3 -> new int[] {3, 4, 5};
            case 4 -> new int[] {2, 3, 2, 3};
            default -> new int[] {2, 2, 3, 2, 2};
        };
        TensorShape shape = TensorShape.of(dims);
        int rank = order == 3 ? 70 : 3; // 70: two blocks of components, the second one partial
        SplittableRandom rng = new SplittableRandom(42 + order);
        double[] values = new double[shape.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = rng.nextGaussian();
        }
        TensorEntries observed = TensorSampling.uniform(shape, values, shape.size() / 2, 7);
        int params = 0;
        for (int d : dims) {
            params += d * rank;
        }
        double[] v = new double[params];
        for (int k = 0; k < params; k++) {
            v[k] = rng.nextGaussian();
        }
        for (int threads : new int[] {1, 3}) {
            for (boolean dense : new boolean[] {false, true}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                CpLoss objective = dense ? new CpUnfoldedObjective(observed, rank, pool)
                        : new CpObjective(observed, rank, pool);
                assertEquals(params, objective.parameters());
                objective.load(v);
                double loss = objective.evaluate();
                assertEquals(naiveLoss(shape, v, rank, observed), loss, 1e-12 * Math.max(1, loss));
                double[] g = new double[params];
                objective.gradient(g);
                double h = 1e-6;
                double worst = 0;
                for (int k = 0; k < params; k++) {
                    double keep = v[k];
                    v[k] = keep + h;
                    double up = naiveLoss(shape, v, rank, observed);
                    v[k] = keep - h;
                    double down = naiveLoss(shape, v, rank, observed);
                    v[k] = keep;
                    double fd = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - g[k]) / Math.max(1, Math.abs(fd)));
                }
                assertTrue(worst < 1e-7, "order " + order + ", " + threads + " threads, " + (dense ? "unfolded" : "entries")
                        + ": worst relative gradient error " + worst);
            }
            }
        }
    }

    /**
     * (1/m) sum over observed entries of (T - y)^2, T read entry by entry from the parameter
     * vector (factor n is d_n x R row-major, factors one after another).
     */
    static double naiveLoss(TensorShape shape, double[] v, int rank, TensorEntries observed) {
        int[] offset = new int[shape.order()];
        for (int n = 1; n < shape.order(); n++) {
            offset[n] = offset[n - 1] + shape.dim(n - 1) * rank;
        }
        double s = 0;
        for (int k = 0; k < observed.size(); k++) {
            double t = 0;
            for (int r = 0; r < rank; r++) {
                double p = 1;
                for (int n = 0; n < shape.order(); n++) {
                    p *= v[offset[n] + observed.index(k, n) * rank + r];
                }
                t += p;
            }
            double d = t - observed.value(k);
            s += d * d;
        }
        return s / observed.size();
    }
}
