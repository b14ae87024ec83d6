package org.deepfact.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;

/** The sensing port object survives a save and load (what a saved workflow relies on). */
class SensingProblemPortObjectTest {

    private static SensingProblemPortObject problem(final int m, final long seed) {
        final DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(4, 3, 1, 5));
        final double[] y = SensingOperator.gaussian(4, 3, m, seed).measure(w);
        return new SensingProblemPortObject(new SensingProblemPortObjectSpec(3, m, seed), 4, y);
    }

    @Test
    void portObjectSavesAndLoadsItsContent() throws Exception {
        final SensingProblemPortObject out = problem(5, 2);
        final ModelContent specContent = new ModelContent("spec");
        out.getSpec().save(specContent);
        final SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec();
        spec.load(specContent);
        assertEquals(out.getSpec(), spec);
        final ModelContent content = new ModelContent("object");
        out.save(content, new ExecutionMonitor());
        final SensingProblemPortObject back = new SensingProblemPortObject();
        back.load(content, spec, new ExecutionMonitor());
        assertEquals(out, back);
        assertArrayEquals(out.measurementValues(), back.measurementValues(), 0.0);
        assertArrayEquals(out.operator().matrix(4).data, back.operator().matrix(4).data, 0.0);
        assertNotEquals(out, problem(5, 3));
    }

    private static SensingProblemPortObject saveAndLoad(final SensingProblemPortObject out) throws Exception {
        final ModelContent specContent = new ModelContent("spec");
        out.getSpec().save(specContent);
        final SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec();
        spec.load(specContent);
        final ModelContent content = new ModelContent("object");
        out.save(content, new ExecutionMonitor());
        final SensingProblemPortObject back = new SensingProblemPortObject();
        back.load(content, spec, new ExecutionMonitor());
        return back;
    }

    @Test
    void aCommutingPortRebuildsTheEngineOperatorBitForBit() throws Exception {
        final DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(6, 6, 1, 5)
            .withStructure(GroundTruthSpec.Structure.PSD));
        for (final SensingKind kind : new SensingKind[]{SensingKind.COMMUTING, SensingKind.SYMMETRIC_GAUSSIAN}) {
            final SensingOperator direct = kind == SensingKind.COMMUTING ? SensingOperator.commuting(6, 4, 11)
                : SensingOperator.symmetricGaussian(6, 4, 11);
            final SensingProblemPortObject back = saveAndLoad(new SensingProblemPortObject(
                new SensingProblemPortObjectSpec(kind, 6, 4, 11), 6, direct.measure(w)));
            assertEquals(kind, back.getSpec().kind());
            assertEquals(kind.id(), back.getSpec().operator());
            final SensingOperator rebuilt = back.operator();
            assertEquals(direct.kind(), rebuilt.kind());
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(direct.matrix(i).data, rebuilt.matrix(i).data, 0.0, kind.id() + " A_" + i);
            }
            assertArrayEquals(direct.measure(w), rebuilt.measure(w), 0.0);
            assertArrayEquals(direct.measure(w), back.measurementValues(), 0.0);
            // and not the Gaussian A_i of the same seed
            assertNotEquals(SensingOperator.gaussian(6, 6, 4, 11).measure(w)[0], rebuilt.measure(w)[0]);
        }
    }

    @Test
    void aPortSavedBeforeTheKindsExistedLoadsAsGaussian() throws Exception {
        final SensingProblemPortObject gaussian = problem(5, 2);
        for (final boolean withOperator : new boolean[]{true, false}) {
            // the 0.2.0 format wrote operator = gaussian; a missing field reads the same
            final ModelContent old = new ModelContent("spec");
            old.addInt("version", 1);
            if (withOperator) {
                old.addString("operator", "gaussian");
            }
            old.addInt("cols", 3);
            old.addInt("measurements", 5);
            old.addLong("seed", 2L);
            final SensingProblemPortObjectSpec spec = new SensingProblemPortObjectSpec();
            spec.load(old);
            assertEquals(SensingKind.GAUSSIAN, spec.kind());
            assertEquals(gaussian.getSpec(), spec);
        }
        final ModelContent unknown = new ModelContent("spec");
        unknown.addInt("version", 1);
        unknown.addString("operator", "fourier");
        unknown.addInt("cols", 3);
        unknown.addInt("measurements", 5);
        unknown.addLong("seed", 2L);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new SensingProblemPortObjectSpec().load(unknown));
        assertTrue(e.getMessage().contains("'fourier'"), e.getMessage());
    }

    @Test
    void aSquareOnlyKindRefusesANonSquareShape() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SensingProblemPortObject(new SensingProblemPortObjectSpec(SensingKind.COMMUTING, 3, 2, 1), 4,
                new double[2]));
        assertTrue(e.getMessage().contains("4 x 3"), e.getMessage());
    }
}
