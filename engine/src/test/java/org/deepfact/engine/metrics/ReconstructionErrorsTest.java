package org.deepfact.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.metrics.ReconstructionErrors.Errors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ReconstructionErrorsTest {

    private final DMatrixRMaj truth = new DMatrixRMaj(new double[][]{{3, 0}, {0, 4}});

    private final DMatrixRMaj estimate = new DMatrixRMaj(new double[][]{{3, 1}, {0, 2}});

    @Test
    void allEntriesByHand() {
        Errors e = ReconstructionErrors.all(estimate, truth);
        assertEquals(4, e.count());
        assertEquals(5.0 / 4, e.mse(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 4), e.rmse(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 25), e.relativeFrobenius(), 1e-15);
        assertEquals(2, e.maxAbs());
    }

    @Test
    void observedAndUnobservedPartitionTheEntries() {
        Observations obs = Observations.of(2, 2, new int[]{0, 1}, new int[]{1, 1}, new double[]{9, 9});
        Errors o = ReconstructionErrors.observed(estimate, truth, obs);
        Errors u = ReconstructionErrors.unobserved(estimate, truth, obs);
        assertEquals(2, o.count());
        assertEquals(2, u.count());
        assertEquals((1 + 4) / 2.0, o.mse(), 1e-15, "values come from the truth, not the observations");
        assertEquals(0, u.mse());
        assertEquals(0, u.relativeFrobenius());
        assertEquals(o.mse() * 2 + u.mse() * 2, ReconstructionErrors.all(estimate, truth).mse() * 4, 1e-15);
    }

    @Test
    void zeroTruthWithErrorIsInfinitelyWrongAndEmptySubsetIsNaN() {
        DMatrixRMaj zero = new DMatrixRMaj(2, 2);
        assertEquals(Double.POSITIVE_INFINITY, ReconstructionErrors.all(estimate, zero).relativeFrobenius());
        Observations everything = Observations.of(2, 2, new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1},
            new double[]{1, 1, 1, 1});
        Errors none = ReconstructionErrors.unobserved(estimate, truth, everything);
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.mse()));
        assertThrows(IllegalArgumentException.class, () -> ReconstructionErrors.all(estimate, new DMatrixRMaj(2, 3)));
    }
}
