package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deepfact.engine.spectrum.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void alignmentOfTheMatrixWithItselfIsDiagonal() {
        // U^T W V = diag(sigma): off-diagonal zero, diagonal mean and sample spread of sigma.
        DMatrixRMaj w = RandomMatrices_DDRM.rectangle(6, 4, new Random(3));
        Spectrum s = Spectrum.withVectors(w);
        Alignment a = Alignment.of(w, s);
        double[] sigma = s.singularValues();
        double mean = (sigma[0] + sigma[1] + sigma[2] + sigma[3]) / 4;
        double var = 0;
        for (double x : sigma) {
            var += (x - mean) * (x - mean) / 3;
        }
        assertEquals(mean, a.diagonalMean(), 1e-12);
        assertEquals(Math.sqrt(var), a.diagonalStd(), 1e-12);
        assertEquals(0, a.offDiagonalMean(), 1e-12);
        assertEquals(0, a.offDiagonalStd(), 1e-12);
        // A single singular pair has no off-diagonal part and no spread.
        Alignment one = Alignment.of(RandomMatrices_DDRM.rectangle(1, 3, new Random(4)),
                Spectrum.withVectors(RandomMatrices_DDRM.rectangle(1, 3, new Random(5))));
        assertTrue(Double.isFinite(one.diagonalMean()));
        assertTrue(Double.isNaN(one.diagonalStd()) && Double.isNaN(one.offDiagonalMean())
                && Double.isNaN(one.offDiagonalStd()), one.toString());
    }

}
