package org.deepfact.knime.tensorlearner;

import static org.deepfact.knime.testing.NodeTestSupport.cells;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.tensor.TensorEntries;
import org.deepfact.engine.tensor.TensorGroundTruth;
import org.deepfact.engine.tensor.TensorSampling;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.tensor.TensorSpecs;
import org.deepfact.knime.tensor.TensorTable;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class TensorFactorizationLearnerNodeTest {

    private static final TensorShape SHAPE = TensorShape.of(8, 8, 8);

    private static TensorFactorizationLearnerNodeModel model(final long maxIterations) throws InvalidSettingsException {
        final TensorLearnerSettings s = new TensorLearnerSettings();
        s.m_initStd.setDoubleValue(1e-3);
        s.m_maxIterations.setLongValue(maxIterations);
        s.m_logEvery.setIntValue(100);
        s.m_topK.setIntValue(4);
        s.m_seed.setLongValue(3);
        final NodeSettings ns = new NodeSettings("t");
        s.saveTo(ns);
        final TensorFactorizationLearnerNodeModel m = new TensorFactorizationLearnerNodeFactory().createNodeModel();
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        return m;
    }

    private static BufferedDataTable entries(final ExecutionContext exec, final TensorEntries e) throws Exception {
        return TensorTable.write(e, exec);
    }

    @Test
    void learnsTheLowRankTensorAndReportsHistoryAndSummary() throws Exception {
        final ExecutionContext exec = exec(new TensorFactorizationLearnerNodeFactory());
        final TensorGroundTruth truth = TensorGroundTruth.generate(SHAPE, 3, 1.0, 1);
        final TensorEntries observed = TensorSampling.uniform(SHAPE, truth.dense(), 200, 2);
        final BufferedDataTable obs = entries(exec, observed);
        final BufferedDataTable ref = TensorTable.writeDense(SHAPE, truth.dense(), exec);
        final TensorFactorizationLearnerNodeModel m = model(20_000);
        final PortObjectSpec[] specs = m.configure(new PortObjectSpec[]{obs.getDataTableSpec(), ref.getDataTableSpec()});
        final PortObject[] out = m.execute(new PortObject[]{obs, ref}, exec);
        for (int p = 0; p < 3; p++) {
            TensorSpecs.assertSameStructure((DataTableSpec)specs[p], ((BufferedDataTable)out[p]).getDataTableSpec());
        }
        assertEquals(512, ((BufferedDataTable)out[0]).size());
        final List<DataCell[]> summary = cells((BufferedDataTable)out[2]);
        assertEquals(1, summary.size());
        final DataCell[] s = summary.get(0);
        assertEquals("converged", ((StringValue)s[0]).getStringValue());
        assertTrue(((DoubleValue)s[4]).getDoubleValue() < 0.05, "reconstruction error " + s[4]);
        assertEquals(3, ((IntValue)s[7]).getIntValue(), "learned tensor rank");
        // Independent check of the completed tensor against the ground truth.
        double err = 0;
        for (final DataCell[] r : cells((BufferedDataTable)out[0])) {
            final int pos = (((IntValue)r[0]).getIntValue() * 8 + ((IntValue)r[1]).getIntValue()) * 8
                + ((IntValue)r[2]).getIntValue();
            final double d = ((DoubleValue)r[3]).getDoubleValue() - truth.at(pos);
            err += d * d;
        }
        assertEquals(((DoubleValue)s[4]).getDoubleValue(), Math.sqrt(err), 1e-9);
        final List<DataCell[]> history = cells((BufferedDataTable)out[1]);
        assertTrue(history.get(0)[4].isMissing(), "no held-out entries: held_out_error is missing");
        assertEquals(0, ((IntValue)history.get(0)[5]).getIntValue(), "rank 0 at the small initialisation");
    }

    @Test
    void heldOutReferenceGivesTheHeldOutError() throws Exception {
        final ExecutionContext exec = exec(new TensorFactorizationLearnerNodeFactory());
        final TensorGroundTruth truth = TensorGroundTruth.generate(SHAPE, 2, 1.0, 4);
        final TensorEntries observed = TensorSampling.uniform(SHAPE, truth.dense(), 200, 5);
        final TensorEntries held = TensorSampling.complement(observed, truth.dense());
        final PortObject[] out = model(50).execute(new PortObject[]{entries(exec, observed), entries(exec, held)}, exec);
        final DataCell[] s = cells((BufferedDataTable)out[2]).get(0);
        assertEquals("max_iterations", ((StringValue)s[0]).getStringValue());
        assertTrue(s[4].isMissing(), "no ground truth: reconstruction_error is missing");
        assertTrue(((DoubleValue)s[6]).getDoubleValue() > 0, "held-out error " + s[6]);
    }

    @Test
    void badInputIsNamed() throws Exception {
        final ExecutionContext exec = exec(new TensorFactorizationLearnerNodeFactory());
        final BufferedDataTable order3 = table(exec, TensorTable.spec(3), new Object[]{0, 0, 0, 1.0});
        final BufferedDataTable order2 = table(exec, TensorTable.spec(2), new Object[]{0, 0, 1.0});
        final InvalidSettingsException mismatch = assertThrows(InvalidSettingsException.class, () -> model(5)
            .configure(new PortObjectSpec[]{order3.getDataTableSpec(), order2.getDataTableSpec()}));
        assertEquals("Order mismatch: the observed entries have 3 index columns but the reference has 2",
            mismatch.getMessage());
        final TensorFactorizationLearnerNodeModel cube = model(5);
        final NodeSettings ns = new NodeSettings("c");
        SettingsCalls.save(cube, ns);
        ns.addInt("mode_size", 2);
        SettingsCalls.load(cube, ns);
        final BufferedDataTable outOfRange = table(exec, TensorTable.spec(3), new Object[]{0, 1, 0, 1.0},
            new Object[]{1, 0, 2, 2.0});
        final InvalidInputException range = assertThrows(InvalidInputException.class,
            () -> cube.execute(new PortObject[]{outOfRange, null}, exec));
        assertTrue(range.getMessage().contains("Entry 1: index 2 in mode 3 (i_3) is out of range [0, 1] (row key 'Row1')"),
            range.getMessage());
        final BufferedDataTable missing = table(exec, TensorTable.spec(3), new Object[]{0, null, 0, 1.0});
        final InvalidInputException cell = assertThrows(InvalidInputException.class,
            () -> model(5).execute(new PortObject[]{missing, null}, exec));
        assertTrue(cell.getMessage().contains("i_2"), cell.getMessage());
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final TensorFactorizationLearnerNodeModel m = model(123);
        final NodeSettings back = new NodeSettings("back");
        SettingsCalls.save(m, back);
        final TensorLearnerSettings s = new TensorLearnerSettings();
        s.loadFrom(back);
        assertEquals(123L, s.m_maxIterations.getLongValue());
        assertEquals(1e-3, s.m_initStd.getDoubleValue());
        assertEquals(List.of("mode_size", "components", "init_std", "seed", "optimizer", "learning_rate",
            "max_iterations", "loss_threshold", "log_every", "top_k", "rank_tolerance", "threads"),
            back.keySet().stream().filter(k -> !k.endsWith("_Internals")).toList());
        final NodeSettings bad = new NodeSettings("bad");
        SettingsCalls.save(m, bad);
        bad.addString("optimizer", "sgd-momentum");
        final var e = assertThrows(InvalidSettingsException.class, () -> SettingsCalls.validate(m, bad));
        assertTrue(e.getMessage().contains("'optimizer'"), e.getMessage());
    }
}
