package org.deepfact.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** The symmetric and the commuting sensing operators: structure, scale, passes against dense loops. */
class SymmetricSensingTest {

    private static SensingOperator[] both(int n, int m, long seed, SensingOperator.Storage storage) {
        return new SensingOperator[] {SensingOperator.symmetricGaussian(n, m, seed, storage),
                SensingOperator.commuting(n, m, seed, storage)};
    }

    @Test
    void everyAIsSymmetricAndTheKindIsRecorded() {
        for (SensingOperator op : both(7, 12, 3, SensingOperator.Storage.AUTO)) {
            assertEquals(7, op.rows());
            assertEquals(7, op.cols());
            for (int i = 0; i < op.size(); i++) {
                DMatrixRMaj a = op.matrix(i);
                DMatrixRMaj t = CommonOps_DDRM.transpose(a, null);
                assertArrayEquals(a.data, t.data, 0.0, op.kind() + " A_" + i);
            }
        }
        assertEquals(SensingOperator.Kind.SYMMETRIC_GAUSSIAN, SensingOperator.symmetricGaussian(3, 2, 1).kind());
        assertEquals(SensingOperator.Kind.COMMUTING, SensingOperator.commuting(3, 2, 1).kind());
        assertEquals(SensingOperator.Kind.GAUSSIAN, SensingOperator.gaussian(3, 4, 2, 1).kind());
        assertNull(SensingOperator.gaussian(3, 4, 2, 1).commonEigenbasis());
    }

    @Test
    void commutingMatricesCommuteAndShareAnOrthogonalEigenbasis() {
        int n = 9;
        SensingOperator op = SensingOperator.commuting(n, 10, 5);
        DMatrixRMaj q = op.commonEigenbasis();
        DMatrixRMaj qtq = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(q, q, qtq);
        DMatrixRMaj eye = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(qtq, eye);
        assertTrue(NormOps_DDRM.normF(qtq) < 1e-13, "||Q^T Q - I|| = " + NormOps_DDRM.normF(qtq));
        DMatrixRMaj ab = new DMatrixRMaj(n, n);
        DMatrixRMaj ba = new DMatrixRMaj(n, n);
        for (int i = 0; i < op.size(); i++) {
            DMatrixRMaj a = op.matrix(i);
            // Q^T A_i Q is diag(eigenvalues(i))
            DMatrixRMaj tmp = new DMatrixRMaj(n, n);
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(q, a, tmp);
            CommonOps_DDRM.mult(tmp, q, d);
            DMatrixRMaj expected = CommonOps_DDRM.diag(op.eigenvalues(i));
            assertArrayEquals(expected.data, d.data, 1e-14, "Q^T A_" + i + " Q");
            for (int j = 0; j < i; j++) {
                DMatrixRMaj b = op.matrix(j);
                CommonOps_DDRM.mult(a, b, ab);
                CommonOps_DDRM.mult(b, a, ba);
                double scale = NormOps_DDRM.normF(ab);
                CommonOps_DDRM.subtractEquals(ab, ba);
                assertTrue(NormOps_DDRM.normF(ab) < 1e-14 * Math.max(1, scale),
                        "||A_" + i + " A_" + j + " - A_" + j + " A_" + i + "|| = " + NormOps_DDRM.normF(ab));
            }
        }
        // the symmetric Gaussian A_i do not commute: the test above can fail
        SensingOperator sym = SensingOperator.symmetricGaussian(n, 2, 5);
        CommonOps_DDRM.mult(sym.matrix(0), sym.matrix(1), ab);
        CommonOps_DDRM.mult(sym.matrix(1), sym.matrix(0), ba);
        CommonOps_DDRM.subtractEquals(ab, ba);
        assertTrue(NormOps_DDRM.normF(ab) > 1e-3);
    }

    @Test
    void haarBasisIsTheQOfTheQrWithPositiveDiagonal() {
        // G = Q R with R upper triangular and R_jj > 0 determines Q uniquely; that Q is Haar.
        int n = 6;
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        SplittableRandom rng = new SplittableRandom(77);
        for (int k = 0; k < n * n; k++) {
            g.data[k] = rng.nextGaussian();
        }
        DMatrixRMaj q = SensingOperator.haarOrthogonal(n, new SplittableRandom(77));
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(q, g, r);
        for (int i = 0; i < n; i++) {
            assertTrue(r.get(i, i) > 0, "R_" + i + i + " = " + r.get(i, i));
            for (int j = 0; j < i; j++) {
                assertEquals(0, r.get(i, j), 1e-13);
            }
        }
    }

    @Test
    void haarBasisHasNoSignBias() {
        // Without the sign fix, Householder QR gives R_jj of one sign and biased columns; with it
        // Q's entries are symmetric about 0: the mean of Q_00 over many draws is ~0 (sd 1/sqrt(n * draws)).
        int n = 4;
        int draws = 4000;
        double sum = 0;
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < draws; t++) {
            sum += SensingOperator.haarOrthogonal(n, rng).get(0, 0);
        }
        assertEquals(0, sum / draws, 5 / Math.sqrt(n * (double) draws));
    }

    @Test
    void measureAndAdjointMatchDenseLoops() {
        int n = 6;
        int m = 11;
        SplittableRandom rng = new SplittableRandom(9);
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        for (int k = 0; k < n * n; k++) {
            x.data[k] = rng.nextGaussian();
        }
        double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            c[i] = rng.nextGaussian();
        }
        for (SensingOperator op : both(n, m, 4, SensingOperator.Storage.AUTO)) {
            double[] y = op.measure(x);
            DMatrixRMaj expectedAdjoint = new DMatrixRMaj(n, n);
            for (int i = 0; i < m; i++) {
                DMatrixRMaj a = op.matrix(i);
                double s = 0;
                for (int r = 0; r < n; r++) {
                    for (int col = 0; col < n; col++) {
                        s += a.get(r, col) * x.get(r, col);
                        expectedAdjoint.add(r, col, c[i] * a.get(r, col));
                    }
                }
                assertEquals(s, y[i], 1e-13, op.kind() + " y_" + i);
            }
            DMatrixRMaj adj = new DMatrixRMaj(n, n);
            op.adjoint(c, adj, op.newWorkspace());
            assertArrayEquals(expectedAdjoint.data, adj.data, 1e-13, op.kind() + " adjoint");
        }
    }

    @Test
    void commutingMatricesAreQDiagQTransposeComputedIndependently() {
        int n = 5;
        SensingOperator op = SensingOperator.commuting(n, 3, 8);
        DMatrixRMaj q = op.commonEigenbasis();
        for (int i = 0; i < 3; i++) {
            DMatrixRMaj qd = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(op.eigenvalues(i)), qd);
            DMatrixRMaj expected = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(qd, q, expected);
            assertArrayEquals(expected.data, op.matrix(i).data, 1e-15);
        }
    }

    @Test
    void deterministicAndStoredEqualsRegeneratedBitForBit() {
        int n = 8;
        int m = 9;
        DMatrixRMaj x = GroundTruth.generate(GroundTruthSpec.of(n, n, 2, 3));
        for (int kind = 0; kind < 2; kind++) {
            SensingOperator a = both(n, m, 21, SensingOperator.Storage.STORED)[kind];
            SensingOperator b = both(n, m, 21, SensingOperator.Storage.STORED)[kind];
            SensingOperator regen = both(n, m, 21, SensingOperator.Storage.REGENERATED)[kind];
            SensingOperator other = both(n, m, 22, SensingOperator.Storage.STORED)[kind];
            assertTrue(a.isStored());
            assertFalse(regen.isStored());
            for (int i = 0; i < m; i++) {
                assertArrayEquals(a.matrix(i).data, b.matrix(i).data, 0.0);
                assertArrayEquals(a.matrix(i).data, regen.matrix(i).data, 0.0);
            }
            assertArrayEquals(a.measure(x), regen.measure(x), 0.0);
            double[] y = a.measure(x);
            DMatrixRMaj g1 = new DMatrixRMaj(n, n);
            DMatrixRMaj g2 = new DMatrixRMaj(n, n);
            assertEquals(a.residualAndAdjoint(x, new double[m], 0.3, g1, a.newWorkspace()),
                    regen.residualAndAdjoint(x, new double[m], 0.3, g2, regen.newWorkspace()), 0.0);
            assertArrayEquals(g1.data, g2.data, 0.0);
            assertNotEquals(y[0], other.measure(x)[0]);
        }
    }

    @Test
    void symmetricEntriesHaveTheDocumentedVariances() {
        int n = 20;
        int m = 200;
        SensingOperator op = SensingOperator.symmetricGaussian(n, m, 1);
        double diagSq = 0;
        double offSq = 0;
        for (int i = 0; i < m; i++) {
            DMatrixRMaj a = op.matrix(i);
            for (int r = 0; r < n; r++) {
                diagSq += a.get(r, r) * a.get(r, r);
                for (int c = r + 1; c < n; c++) {
                    offSq += a.get(r, c) * a.get(r, c);
                }
            }
        }
        double diagCount = m * n;
        double offCount = m * n * (n - 1) / 2.0;
        // relative sd of a variance estimate from N draws is sqrt(2/N): 4000 -> 2.2 %, 38000 -> 0.7 %
        assertEquals(1.0 / (n * n), diagSq / diagCount, 0.1 / (n * n));
        assertEquals(1.0 / (2 * n * n), offSq / offCount, 0.035 / (2 * n * n));
    }

    @Test
    void commutingEigenvaluesHaveVarianceOneOverNAndUnitFrobeniusNorm() {
        int n = 10;
        int m = 400;
        SensingOperator op = SensingOperator.commuting(n, m, 2);
        double sq = 0;
        double frob = 0;
        for (int i = 0; i < m; i++) {
            for (double d : op.eigenvalues(i)) {
                sq += d * d;
            }
            frob += NormOps_DDRM.normF(op.matrix(i)) * NormOps_DDRM.normF(op.matrix(i));
        }
        // 4000 draws: relative sd 2.2 %
        assertEquals(1.0 / n, sq / (m * n), 0.1 / n);
        assertEquals(1.0, frob / m, 0.1, "E||A_i||_F^2 = 1 as for the Gaussian kind");
        // a unit-RMS truth gives O(1) measurements
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        SplittableRandom rng = new SplittableRandom(4);
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double v = rng.nextGaussian();
                x.set(r, c, v);
                x.set(c, r, v);
            }
        }
        double ySq = 0;
        for (double y : op.measure(x)) {
            ySq += y * y;
        }
        double rms = Math.sqrt(ySq / m);
        assertTrue(rms > 0.5 && rms < 2, "RMS measurement " + rms);
    }
}
