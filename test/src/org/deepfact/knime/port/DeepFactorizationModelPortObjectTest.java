package org.deepfact.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.deepfact.engine.model.Factorization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;

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

    @Test
    void aSymmetricModelKeepsItsFactorizationAndRebuildsPPTransposed() throws Exception {
        // P = W_2 W_1 (3 x 3), W = P P^T: the stored factors are P's
        final DMatrixRMaj w1 = new DMatrixRMaj(new double[][]{{1, 2, 0}, {0, 1, -1}, {3, 0, 1}});
        final DMatrixRMaj w2 = new DMatrixRMaj(new double[][]{{0.5, 0, 1}, {2, -1, 0}, {0, 0, 1}});
        final DMatrixRMaj p = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(w2, w1, p);
        final DMatrixRMaj w = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransB(p, p, w);
        final DeepFactorizationModelPortObject m = new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(4, DeepFactorizationModelPortObjectSpec.KEYS_INDEX,
                Factorization.SYMMETRIC), w, List.of(w1, w2), null, null, Map.of());
        final DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(m);
        assertEquals(Factorization.SYMMETRIC, back.factorization());
        assertEquals(4, back.getSpec().depth());
        assertEquals(m.getSpec(), back.getSpec());
        assertArrayEquals(w.data, back.productOfFactors().data, 0.0, "P P^T, not W_2 W_1");
        // the general reading of the same factors is W_2 W_1
        final DeepFactorizationModelPortObject general = new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(2, DeepFactorizationModelPortObjectSpec.KEYS_INDEX), p,
            List.of(w1, w2), null, null, Map.of());
        assertEquals(Factorization.GENERAL, general.factorization());
        assertArrayEquals(p.data, general.productOfFactors().data, 0.0);
        assertEquals(null, DeepFactorizationModelPortObject.unstored(m.getSpec(), 3, 3, Map.of(), "x")
            .productOfFactors());
    }

    @Test
    void aSymmetricModelsFactorsMustFormP() {
        final DMatrixRMaj w = new DMatrixRMaj(3, 3);
        final DMatrixRMaj sq = new DMatrixRMaj(3, 3);
        final DeepFactorizationModelPortObjectSpec depth4 = new DeepFactorizationModelPortObjectSpec(4,
            DeepFactorizationModelPortObjectSpec.KEYS_INDEX, Factorization.SYMMETRIC);
        // valid: two factors chaining 3 -> 2 -> 3, and none at all (a diverged run)
        new DeepFactorizationModelPortObject(depth4, w, List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2)), null,
            null, Map.of());
        new DeepFactorizationModelPortObject(depth4, w, List.of(), null, null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new DeepFactorizationModelPortObject(depth4, w, List.of(sq, sq, sq, sq), null, null, Map.of()));
        assertEquals("A symmetric model of depth 4 needs depth / 2 factors of P (and an even depth), got 4",
            e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(depth4, w,
            List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 4)), null, null, Map.of()));
        assertEquals("P's factors do not chain: W_1 is 2 x 3 but W_2 is 3 x 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(depth4, w,
            List.of(new DMatrixRMaj(2, 4), new DMatrixRMaj(3, 2)), null, null, Map.of()));
        assertEquals("P's first factor W_1 must have d_0 = 3 columns (the matrix rows), got 2 x 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(depth4, w,
            List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2)), null, null, Map.of()));
        assertEquals("P = W_2 ... W_1 must have 3 rows (the matrix rows), got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(depth4,
            new DMatrixRMaj(3, 4), List.of(sq, sq), null, null, Map.of()));
        assertEquals("A symmetric model's matrix W = P P^T must be square, got 3 x 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeepFactorizationModelPortObject(
            new DeepFactorizationModelPortObjectSpec(3, DeepFactorizationModelPortObjectSpec.KEYS_INDEX,
                Factorization.SYMMETRIC), w, List.of(sq), null, null, Map.of()));
        assertTrue(e.getMessage().contains("depth 3") && e.getMessage().contains("even"), e.getMessage());
    }

    /** General models keep format 1 (readable before 0.3.0); symmetric ones are format 2, which 0.2.0 refuses. */
    @Test
    void generalSpecsSaveFormatOneSymmetricFormatTwoAndAnUnknownFormatIsRefused() throws Exception {
        final DeepFactorizationModelPortObjectSpec general =
            new DeepFactorizationModelPortObjectSpec(3, DeepFactorizationModelPortObjectSpec.KEYS_ID);
        final DeepFactorizationModelPortObjectSpec symmetric = new DeepFactorizationModelPortObjectSpec(4,
            DeepFactorizationModelPortObjectSpec.KEYS_INDEX, Factorization.SYMMETRIC);
        final ModelContent g = new ModelContent("spec");
        general.save(g);
        assertEquals(1, g.getInt("version"));
        final ModelContent s = new ModelContent("spec");
        symmetric.save(s);
        assertEquals(2, s.getInt("version"));
        final DeepFactorizationModelPortObjectSpec gBack = new DeepFactorizationModelPortObjectSpec();
        gBack.load(g);
        assertEquals(general, gBack);
        final DeepFactorizationModelPortObjectSpec sBack = new DeepFactorizationModelPortObjectSpec();
        sBack.load(s);
        assertEquals(symmetric, sBack);
        assertEquals(Factorization.SYMMETRIC, sBack.factorization());

        s.addInt("version", 3);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new DeepFactorizationModelPortObjectSpec().load(s));
        assertEquals("Deep factorization model saved by a newer DeepFact (format 3); update DeepFact to read it",
            e.getMessage());
        s.addInt("version", 0);
        assertThrows(InvalidSettingsException.class, () -> new DeepFactorizationModelPortObjectSpec().load(s));
    }

    @Test
    void aSpecSavedBeforeTheFactorizationExistedLoadsAsGeneral() throws Exception {
        // the 0.2.0 format: version, depth and key mode only
        final ModelContent old = new ModelContent("spec");
        old.addInt("version", 1);
        old.addInt("depth", 3);
        old.addString("key_mode", DeepFactorizationModelPortObjectSpec.KEYS_INDEX);
        final DeepFactorizationModelPortObjectSpec spec = new DeepFactorizationModelPortObjectSpec();
        spec.load(old);
        assertEquals(Factorization.GENERAL, spec.factorization());
        assertEquals(3, spec.depth());
        assertEquals(new DeepFactorizationModelPortObjectSpec(3, DeepFactorizationModelPortObjectSpec.KEYS_INDEX),
            spec);
        old.addString("factorization", "skew");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new DeepFactorizationModelPortObjectSpec().load(old));
        assertEquals(true, e.getMessage().contains("'skew'"), e.getMessage());
    }
}
