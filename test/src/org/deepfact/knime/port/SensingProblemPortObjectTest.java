package org.deepfact.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.SensingOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
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
}
