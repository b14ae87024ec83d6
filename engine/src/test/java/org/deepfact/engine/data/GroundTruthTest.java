package org.deepfact.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** Ground truth: normalisation, rank, structure, profile, determinism, errors. */
class GroundTruthTest {

    @Test
    void paperDefaultHasUnitRmsAndExactRank() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(100, 100, 5, 1));
        assertEquals(100, NormOps_DDRM.normF(w), 1e-10);
        Spectrum s = Spectrum.of(w);
        assertEquals(5, s.numericalRank(1e-8 * s.spectralNorm()));
        assertTrue(s.singularValue(4) > 1, "5th singular value is well away from zero");
    }

    @Test
    void rectangularShapeAndRank() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(30, 70, 4, 2));
        assertEquals(30, w.numRows);
        assertEquals(70, w.numCols);
        assertEquals(Math.sqrt(30 * 70), NormOps_DDRM.normF(w), 1e-10);
        Spectrum s = Spectrum.of(w);
        assertEquals(4, s.numericalRank(1e-8 * s.spectralNorm()));
    }

    @Test
    void symmetricAndPsd() {
        DMatrixRMaj sym = GroundTruth.generate(GroundTruthSpec.of(20, 20, 6, 3)
                .withStructure(GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE));
        assertTrue(MatrixFeatures_DDRM.isSymmetric(sym, 1e-12));
        DMatrixRMaj psd = GroundTruth.generate(GroundTruthSpec.of(20, 20, 3, 3)
                .withStructure(GroundTruthSpec.Structure.PSD));
        assertTrue(MatrixFeatures_DDRM.isSymmetric(psd, 1e-12));
        // x^T W x >= 0 for random x, and the trace equals the nuclear norm for PSD matrices.
        assertEquals(Spectrum.of(psd).nuclearNorm(), CommonOps_DDRM.trace(psd), 1e-9);
        // With six random signs an indefinite result is overwhelmingly likely for this seed.
        assertTrue(Math.abs(CommonOps_DDRM.trace(sym)) < Spectrum.of(sym).nuclearNorm() - 1e-6);
    }

    @Test
    void theIndefiniteStructureHasALongIdAndStillLoadsItsOldOne() {
        assertEquals("symmetric_indefinite", GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE.id());
        assertEquals(GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE, GroundTruthSpec.Structure.parse("symmetric"));
        assertEquals(GroundTruthSpec.Structure.SYMMETRIC_INDEFINITE,
                GroundTruthSpec.Structure.parse("Symmetric_Indefinite"));
        assertEquals(GroundTruthSpec.Structure.PSD, GroundTruthSpec.Structure.parse("psd"));
    }

    @Test
    void geometricProfileHasTheRequestedConditionNumber() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(40, 30, 4, 5).withConditionNumber(1000));
        double[] s = Spectrum.of(w).top(5);
        assertEquals(1000, s[0] / s[3], 1e-6);
        assertEquals(10, s[0] / s[1], 1e-8);
        assertEquals(10, s[2] / s[3], 1e-8);
        assertTrue(s[4] < 1e-10 * s[0]);
        assertEquals(Math.sqrt(1200), NormOps_DDRM.normF(w), 1e-9);
    }

    @Test
    void sameSeedSameBits() {
        GroundTruthSpec spec = GroundTruthSpec.of(10, 8, 3, 77);
        assertArrayEquals(GroundTruth.generate(spec).data, GroundTruth.generate(spec).data, 0.0);
        assertTrue(GroundTruth.generate(spec).data[0] != GroundTruth.generate(GroundTruthSpec.of(10, 8, 3, 78)).data[0]);
    }

    @Test
    void badSpecsGiveSpecificErrors() {
        assertMessage("Rank 6 exceeds min(rows, cols) = 5", GroundTruthSpec.of(5, 9, 6, 1));
        assertMessage("Rank must be >= 1", GroundTruthSpec.of(5, 5, 0, 1));
        assertMessage("needs a square matrix", GroundTruthSpec.of(5, 6, 2, 1).withStructure(GroundTruthSpec.Structure.PSD));
        assertMessage("Condition number", GroundTruthSpec.of(5, 5, 2, 1).withConditionNumber(0.5));
        assertMessage("shape must be positive", GroundTruthSpec.of(0, 5, 1, 1));
    }

    private static void assertMessage(String fragment, GroundTruthSpec spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroundTruth.generate(spec));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
