package org.deepfact.knime.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** The Learner's initialisation condition (Razin and Cohen 2020): the sign of det W(0). */
class LearnerInitConditionTest {

    /** Razin and Cohen's 2 x 2 problem: w12 = w21 = 1, w22 = 0 observed, w11 not. */
    private static final Object[][] RAZIN_COHEN = {{0, 1, 1.0}, {1, 0, 1.0}, {1, 1, 0.0}};

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new DeepFactorizationLearnerNodeFactory());
    }

    /** @return det W(0) of the node's run with no iteration: its completed matrix is W(0) */
    private static double initialDeterminant(final String condition, final long seed, final int depth)
        throws Exception {
        DeepFactorizationLearnerNodeModel m = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        m.settings().depth(depth).maxIterations(0).seed(seed).initCondition(condition);
        m.settings().entries().setShape(2, 2);
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(
            new PortObject[]{NodeTestSupport.table(exec, EntriesFixture.ENTRIES, RAZIN_COHEN), null, null}, exec);
        double[][] w = NodeTestSupport.toArray((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_MATRIX]);
        return w[0][0] * w[1][1] - w[0][1] * w[1][0];
    }

    @Test
    void theConditionFixesTheSignOfTheInitialDeterminantAndOnlyItsSign() throws Exception {
        int flipped = 0;
        for (long seed = 0; seed < 6; seed++) {
            for (int depth : new int[]{2, 3}) {
                double none = initialDeterminant("none", seed, depth);
                double positive = initialDeterminant("positive_determinant", seed, depth);
                double negative = initialDeterminant("negative_determinant", seed, depth);
                assertTrue(positive > 0, "seed " + seed + ", depth " + depth + ": det W(0) = " + positive);
                assertTrue(negative < 0, "seed " + seed + ", depth " + depth + ": det W(0) = " + negative);
                // negating one row of W_N negates det W(0) and keeps its magnitude
                assertEquals(Math.abs(none), positive, 1e-12 * Math.abs(none));
                assertEquals(-positive, negative, 1e-12 * Math.abs(none));
                flipped += none < 0 ? 1 : 0;
            }
        }
        assertTrue(flipped > 0 && flipped < 12, "both signs occur among the unconditioned draws: " + flipped);
    }

    @Test
    void aNonSquareProblemIsRefusedNamingTheSetting() throws Exception {
        DeepFactorizationLearnerNodeModel m = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        m.settings().depth(2).maxIterations(10).initCondition("positive_determinant");
        ExecutionContext exec = exec();
        BufferedDataTable entries = NodeTestSupport.table(exec, EntriesFixture.ENTRIES,
            new Object[][]{{0, 0, 1.0}, {1, 2, 2.0}, {0, 1, 3.0}});
        // at execute, from the data: 2 x 3
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{entries, null, null}, exec));
        assertTrue(e.getMessage().startsWith("'Initialisation condition (square matrices)' (setting "
            + "'init_condition') = positive_determinant needs a square matrix"), e.getMessage());
        assertTrue(e.getMessage().contains("got 2 x 3"), e.getMessage());
        // at configure, when the shape is set
        m.settings().entries().setShape(2, 3);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null}));
        assertTrue(e.getMessage().contains("'init_condition'") && e.getMessage().contains("got 2 x 3"),
            e.getMessage());
        // a hidden width below the size: det W(0) = 0
        m.settings().entries().setShape(2, 2);
        m.settings().width(1);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null}));
        assertTrue(e.getMessage().contains("hidden width >= 2") && e.getMessage().contains("'width'"),
            e.getMessage());
        // none trains any shape
        m.settings().width(0).initCondition("none");
        m.settings().entries().setShape(2, 3);
        m.execute(new PortObject[]{entries, null, null}, exec);
    }

    @Test
    void anUnknownConditionIsRefused() {
        LearnerSettings s = new LearnerSettings().initCondition("positive");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, s::check);
        assertTrue(e.getMessage().contains("init_condition"), e.getMessage());
    }
}
