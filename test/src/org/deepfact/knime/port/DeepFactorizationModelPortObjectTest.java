package org.deepfact.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The model port object survives a save and load, keys of every kind included. */
class DeepFactorizationModelPortObjectTest {

    @Test
    void modelWithIdKeysSavesAndLoadsItsContentExactly() throws Exception {
        final DMatrixRMaj w = new DMatrixRMaj(new double[][]{{1.0 / 3, Math.PI}, {-0.0, 1e-300}, {5, Double.NaN}});
        final DMatrixRMaj w1 = new DMatrixRMaj(new double[][]{{0.1, 0.2}, {0.3, 0.4}});
        final DMatrixRMaj w2 = new DMatrixRMaj(new double[][]{{1, 2}, {3, 4}, {5, 6}});
        final DeepFactorizationModelPortObject m = new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(2, DeepFactorizationModelPortObjectSpec.KEYS_ID), w,
            List.of(w1, w2), List.of(7L, 2.5, "alice"), List.of(-3L, "x,y"), Map.of("stop_reason", "converged"));
        final DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(m);
        assertEquals(m, back);
        assertArrayEquals(w.data, back.matrix().data, 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.matrix().get(1, 0)));
        assertEquals(List.of(7L, 2.5, "alice"), back.rowKeys());
        assertEquals(List.of(-3L, "x,y"), back.colKeys());
        assertArrayEquals(w2.data, back.factors().get(1).data, 0.0);
        assertEquals("converged", back.info().get("stop_reason"));
    }

    @Test
    void anUnstoredModelKeepsItsShapeSummaryAndReason() throws Exception {
        final DeepFactorizationModelPortObject m = DeepFactorizationModelPortObject.unstored(
            new DeepFactorizationModelPortObjectSpec(3, DeepFactorizationModelPortObjectSpec.KEYS_ID), 5000, 6000,
            Map.of("iterations", "12"), "too large");
        final DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(m);
        assertEquals(m, back);
        assertEquals("too large", back.notStoredReason());
        assertEquals(5000, back.rows());
        assertEquals(6000, back.cols());
        assertEquals(null, back.matrix());
        assertEquals("12", back.info().get("iterations"));
    }

    @Test
    void keysMustMatchTheShapeAndTheKeyMode() {
        final DMatrixRMaj w = new DMatrixRMaj(2, 2);
        assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(1, DeepFactorizationModelPortObjectSpec.KEYS_ID), w, List.of(),
            List.of(1L), List.of(1L, 2L), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(1, DeepFactorizationModelPortObjectSpec.KEYS_INDEX), w,
            List.of(), List.of(1L, 2L), List.of(1L, 2L), Map.of()));
    }
}
