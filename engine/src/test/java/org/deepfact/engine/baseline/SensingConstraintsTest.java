package org.deepfact.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.data.SensingOperator.Storage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The operator-backed sensing map against the explicit A_i and against hand-written sums. */
class SensingConstraintsTest {

    private static DenseSensingConstraints dense(SensingOperator op) {
        DMatrixRMaj[] a = new DMatrixRMaj[op.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = op.matrix(i);
        }
        return new DenseSensingConstraints(a);
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int p = 0; p < x.data.length; p++) {
            x.data[p] = rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void applyAndAdjointEqualDenseMatricesBitForBitAndHandSums() {
        int rows = 5;
        int cols = 7; // 35 entries: exercises the remainder loop of the four-way dot product
        int m = 13;
        for (Storage storage : new Storage[] {Storage.STORED, Storage.REGENERATED}) {
            SensingOperator op = SensingOperator.gaussian(rows, cols, m, 42, storage);
            SensingConstraints map = new SensingConstraints(op);
            DenseSensingConstraints reference = dense(op);
            assertEquals(rows, map.rows());
            assertEquals(cols, map.cols());
            assertEquals(m, map.size());
            DMatrixRMaj x = randomMatrix(rows, cols, 1);
            double[] ax = new double[m];
            double[] expected = new double[m];
            map.apply(x, ax);
            reference.apply(x, expected);
            assertArrayEquals(expected, ax, 0, storage.name());
            double[] r = new double[m];
            Random rnd = new Random(2);
            for (int i = 0; i < m; i++) {
                r[i] = rnd.nextGaussian();
            }
            DMatrixRMaj atr = randomMatrix(rows, cols, 3); // garbage that must be overwritten
            DMatrixRMaj atrExpected = new DMatrixRMaj(rows, cols);
            map.adjoint(r, atr);
            reference.adjoint(r, atrExpected);
            assertArrayEquals(atrExpected.data, atr.data, 0, storage.name());

            // independent: plain double loops over get(i, j)
            for (int i = 0; i < m; i++) {
                DMatrixRMaj a = op.matrix(i);
                double s = 0;
                for (int p = 0; p < rows; p++) {
                    for (int q = 0; q < cols; q++) {
                        s += a.get(p, q) * x.get(p, q);
                    }
                }
                assertEquals(s, ax[i], 1e-13 * (1 + Math.abs(s)));
            }
            for (int p = 0; p < rows; p++) {
                for (int q = 0; q < cols; q++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += r[i] * op.matrix(i).get(p, q);
                    }
                    assertEquals(s, atr.get(p, q), 1e-13 * (1 + Math.abs(s)));
                }
            }
            // adjoint identity <A x, r> = <x, A^T r>
            double lhs = 0;
            for (int i = 0; i < m; i++) {
                lhs += ax[i] * r[i];
            }
            double rhs = 0;
            for (int p = 0; p < x.data.length; p++) {
                rhs += x.data[p] * atr.data[p];
            }
            assertEquals(lhs, rhs, 1e-12 * (1 + Math.abs(lhs)));
        }
    }

    @Test
    void storedAndRegeneratedOperatorsSolveToTheSameBitsAsDenseMatrices() {
        SensingOperator stored = SensingOperator.gaussian(8, 8, 40, 7, Storage.STORED);
        SensingOperator regenerated = SensingOperator.gaussian(8, 8, 40, 7, Storage.REGENERATED);
        DMatrixRMaj w = Fixtures.lowRank(8, 8, 1, 5);
        double[] y = stored.measure(w);
        NuclearNormSolver solver = new NuclearNormSolver(NuclearNormConfig.defaults().withMaxIterations(300));
        NuclearNormResult viaDense = solver.solve(dense(stored), y, ProgressCallback.NONE);
        NuclearNormResult viaStored = solver.solve(new SensingConstraints(stored), y, ProgressCallback.NONE);
        NuclearNormResult viaRegenerated = solver.solve(new SensingConstraints(regenerated), y, ProgressCallback.NONE);
        assertArrayEquals(viaDense.solution().data, viaStored.solution().data, 0);
        assertArrayEquals(viaDense.solution().data, viaRegenerated.solution().data, 0);
        assertEquals(viaDense.report().iterations(), viaRegenerated.report().iterations());
        assertEquals(viaDense.report().nuclearNorm(), viaRegenerated.report().nuclearNorm(), 0);
        assertTrue(viaDense.report().nuclearNorm() > 0);
    }

    @Test
    void rejectsWrongShapesAndLengths() {
        SensingConstraints map = new SensingConstraints(SensingOperator.gaussian(3, 4, 5, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> map.apply(new DMatrixRMaj(4, 3), new double[5]))
                .getMessage().contains("3 x 4"));
        assertThrows(IllegalArgumentException.class, () -> map.apply(new DMatrixRMaj(3, 4), new double[4]));
        assertThrows(IllegalArgumentException.class, () -> map.adjoint(new double[4], new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> map.adjoint(new double[5], new DMatrixRMaj(3, 3)));
        assertThrows(NullPointerException.class, () -> new SensingConstraints(null));
        // the in-memory maps check the same way
        LinearConstraints dense = Fixtures.gaussianSensing(3, 4, 5, 1);
        LinearConstraints completion = new CompletionConstraints(Fixtures.sample(Fixtures.lowRank(3, 4, 1, 2), 5, 3));
        for (LinearConstraints c : new LinearConstraints[] {dense, completion}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.apply(new DMatrixRMaj(4, 3), new double[5]))
                    .getMessage().contains("3 x 4"));
            assertThrows(IllegalArgumentException.class, () -> c.apply(new DMatrixRMaj(3, 4), new double[4]));
            assertThrows(IllegalArgumentException.class, () -> c.adjoint(new double[4], new DMatrixRMaj(3, 4)));
            assertThrows(IllegalArgumentException.class, () -> c.adjoint(new double[5], new DMatrixRMaj(4, 4)));
        }
        assertThrows(IllegalArgumentException.class, () -> new DenseSensingConstraints());
    }

    /** Hides the fused override: the solver then takes LinearConstraints' apply-then-adjoint default. */
    private static LinearConstraints twoPass(LinearConstraints a) {
        return new LinearConstraints() {
            @Override
            public int rows() {
                return a.rows();
            }

            @Override
            public int cols() {
                return a.cols();
            }

            @Override
            public int size() {
                return a.size();
            }

            @Override
            public void apply(DMatrixRMaj x, double[] out) {
                a.apply(x, out);
            }

            @Override
            public void adjoint(double[] r, DMatrixRMaj out) {
                a.adjoint(r, out);
            }
        };
    }

    @Test
    void fusedApplyThenAdjointEqualsTwoPassesAndSolvesToTheSameBits() {
        for (Storage storage : new Storage[] {Storage.STORED, Storage.REGENERATED}) {
            SensingOperator op = SensingOperator.gaussian(6, 5, 23, 9, storage);
            SensingConstraints fused = new SensingConstraints(op);
            LinearConstraints plain = twoPass(new SensingConstraints(op));
            DMatrixRMaj x = randomMatrix(6, 5, 4);
            double[] c1 = new double[23];
            double[] c2 = new double[23];
            double[] ax1 = new double[23];
            double[] ax2 = new double[23];
            DMatrixRMaj out1 = new DMatrixRMaj(6, 5);
            DMatrixRMaj out2 = new DMatrixRMaj(6, 5);
            fused.applyThenAdjoint(x, ax1, (i, v) -> Math.min(v, 0.1) * (i + 1), c1, out1);
            plain.applyThenAdjoint(x, ax2, (i, v) -> Math.min(v, 0.1) * (i + 1), c2, out2);
            assertArrayEquals(ax2, ax1, 0, storage.name());
            assertArrayEquals(c2, c1, 0, storage.name());
            assertArrayEquals(out2.data, out1.data, 0, storage.name());

            DMatrixRMaj w = Fixtures.lowRank(6, 5, 1, 8);
            double[] y = op.measure(w);
            NuclearNormSolver solver = new NuclearNormSolver(NuclearNormConfig.defaults().withMaxIterations(200));
            NuclearNormResult a = solver.solve(fused, y, ProgressCallback.NONE);
            NuclearNormResult b = solver.solve(plain, y, ProgressCallback.NONE);
            assertArrayEquals(b.solution().data, a.solution().data, 0, storage.name());
            assertEquals(b.report().iterations(), a.report().iterations());
            assertEquals(b.report().primalResidual(), a.report().primalResidual(), 0);
            assertEquals(b.report().dualResidual(), a.report().dualResidual(), 0);
        }
    }
}
