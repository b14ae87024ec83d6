package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.linalg.RowBlockKernel;
import org.deepfact.engine.linalg.Rows;
import org.deepfact.engine.model.Widths;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grouped row and column passes of {@link CompletionObjective} against the plain single pass
 * over the entries in their given order (dot, then two row updates per entry): the same bits,
 * for entries sorted by row or in any order, with empty rows and columns and every group
 * remainder.
 */
class CompletionPassesTest {

    /** Entries of rows x cols with density p (row 0 and column 0 left empty), optionally shuffled. */
    private static Observations observations(int rows, int cols, double p, boolean shuffle, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ri = new int[rows * cols];
        int[] ci = new int[rows * cols];
        int m = 0;
        for (int i = 1; i < rows; i++) {
            for (int j = 1; j < cols; j++) {
                if (rng.nextDouble() < p) {
                    ri[m] = i;
                    ci[m] = j;
                    m++;
                }
            }
        }
        if (shuffle) {
            for (int k = m - 1; k > 0; k--) {
                int o = rng.nextInt(k + 1);
                int t = ri[k];
                ri[k] = ri[o];
                ri[o] = t;
                t = ci[k];
                ci[k] = ci[o];
                ci[o] = t;
            }
        }
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            y[k] = rng.nextGaussian();
        }
        return Observations.of(rows, cols, java.util.Arrays.copyOf(ri, m), java.util.Arrays.copyOf(ci, m), y);
    }

    @ParameterizedTest
    @CsvSource({"2, 23, 17, 11, 0.3, false", "2, 23, 17, 11, 0.3, true", "2, 40, 40, 40, 0.8, true",
        "3, 19, 29, 13, 0.5, false", "3, 19, 29, 13, 0.25, true", "4, 12, 30, 9, 0.6, true"})
    void groupedPassesGiveTheBitsOfOnePassInEntryOrder(int depth, int rows, int cols, int width, double p,
            boolean shuffle) {
        Observations obs = observations(rows, cols, p, shuffle, 7 + depth);
        int[] widths = new int[depth - 1];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = width + 3 * j; // hidden widths differ, so shape mix-ups fail
        }
        int[] dims = Widths.resolve(rows, cols, depth, widths);
        DMatrixRMaj[] f = GradientTest.factors(dims, 11);
        DMatrixRMaj[] g = new DMatrixRMaj[depth];
        for (int j = 0; j < depth; j++) {
            g[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
            g[j].fill(Double.NaN); // every entry must be written
        }
        try (RowBlockKernel kernel = new RowBlockKernel(1)) {
            double loss = new CompletionObjective(obs, dims, kernel, ProgressCallback.NONE).evaluate(f, g);

            // Reference: the single pass of the previous implementation.
            Chain chain = new Chain(kernel, dims, depth - 1, ProgressCallback.NONE);
            chain.forward(f, depth - 1);
            DMatrixRMaj top = f[depth - 1];
            DMatrixRMaj pT = CommonOps_DDRM.transpose(chain.prefix[depth - 1], null);
            int h = top.numCols;
            double[][] w = new double[rows][h];
            double[][] pr = new double[cols][h];
            double[][] gradRows = new double[rows][h];
            double[][] backTRows = new double[cols][h];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(top.data, i * h, w[i], 0, h);
            }
            for (int j = 0; j < cols; j++) {
                System.arraycopy(pT.data, j * h, pr[j], 0, h);
            }
            int m = obs.size();
            double scale = 2.0 / m;
            double sum = 0;
            for (int k = 0; k < m; k++) {
                int i = obs.rowIndices()[k];
                int j = obs.colIndices()[k];
                double r = Rows.dot(w[i], pr[j], h) - obs.values()[k];
                sum += r * r;
                double c = scale * r;
                Rows.axpy(c, pr[j], gradRows[i], h);
                Rows.axpy(c, w[i], backTRows[j], h);
            }
            assertEquals(sum / m, loss, 0.0, "loss");
            for (int i = 0; i < rows; i++) {
                for (int q = 0; q < h; q++) {
                    assertEquals(gradRows[i][q], g[depth - 1].get(i, q), 0.0, "dL/dW_N at " + i + ", " + q);
                }
            }
            DMatrixRMaj[] expected = new DMatrixRMaj[depth];
            for (int j = 0; j < depth; j++) {
                expected[j] = new DMatrixRMaj(f[j].numRows, f[j].numCols);
            }
            DMatrixRMaj b = depth == 2 ? expected[0] : chain.back[depth - 1];
            for (int q = 0; q < h; q++) {
                for (int j = 0; j < cols; j++) {
                    b.set(q, j, backTRows[j][q]);
                }
            }
            if (depth > 2) {
                chain.backward(f, expected, depth - 1);
            }
            for (int j = 0; j < depth - 1; j++) {
                assertArrayEquals(expected[j].data, g[j].data, 0.0, "dL/dW_" + (j + 1));
            }
        }
    }
}
