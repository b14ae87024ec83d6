package org.deepfact.knime.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingResult;
import org.deepfact.knime.common.SettingsCalls;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.generator.LowRankMatrixGeneratorNodeFactory;
import org.deepfact.knime.nuclear.NuclearNormCompletionNodeFactory;
import org.deepfact.knime.nuclear.NuclearNormCompletionNodeModel;
import org.deepfact.knime.port.DeepFactorizationModelPortObject;
import org.deepfact.knime.port.ModelPortRoundTrip;
import org.deepfact.knime.port.SensingKind;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.deepfact.knime.sensing.MatrixSensingNodeFactory;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** The Learner's symmetric factorization W = P P^T (Gunasekar et al. 2017), alone and in Gunasekar's flow. */
class LearnerSymmetricTest {

    private static final int N = 6;

    /** A rank-1 PSD target a a^T, about half of the entries observed. */
    private static final EntriesFixture FIXTURE = new EntriesFixture(N, N, (i, j) -> (1 + 0.3 * i) * (1 + 0.3 * j),
        EntriesFixture.positions(N, N, (i, j) -> (i * 5 + j * 3) % 2));

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new DeepFactorizationLearnerNodeFactory());
    }

    private static DeepFactorizationLearnerNodeModel symmetric(final int depth) {
        DeepFactorizationLearnerNodeModel m = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        m.settings().factorization("symmetric").depth(depth).init("gaussian").initScale(1e-2).optimizer("gd")
            .learningRate(0.05).maxIterations(400).lossThreshold(1e-10).logEvery(100).topK(2).seed(3);
        return m;
    }

    @Test
    void theSymmetricOutputIsExactlySymmetricAndEqualsTheEngineBitForBit() throws Exception {
        DeepFactorizationLearnerNodeModel m = symmetric(4);
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec);
        TrainingResult direct = Trainer.train(RecoveryProblem.completion(FIXTURE.observations()),
            m.settings().toTrainingConfig(), null);
        assertEquals(Factorization.SYMMETRIC, m.settings().toTrainingConfig().factorization());
        double[][] w = NodeTestSupport.toArray((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_MATRIX]);
        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()), w, "the engine's P P^T, bit for bit");
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(Double.doubleToRawLongBits(w[i][j]), Double.doubleToRawLongBits(w[j][i]),
                    "W(" + i + ", " + j + ") = W(" + j + ", " + i + ")");
            }
        }
        assertTrue(direct.last().trainLoss() < 1e-3 * direct.history().get(0).trainLoss(), "it trained");

        // the factors table holds P's N/2 = 2 factors, as the engine's
        List<DataCell[]> factors = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_FACTORS]);
        assertEquals(2 * N * N, factors.size());
        for (DataCell[] r : factors) {
            int f = ((IntValue)r[0]).getIntValue();
            assertTrue(f == 1 || f == 2, "factor " + f);
            assertEquals(direct.factor(f).get(((IntValue)r[1]).getIntValue(), ((IntValue)r[2]).getIntValue()),
                ((DoubleValue)r[3]).getDoubleValue(), 0.0);
        }

        // the summary: end-to-end depth 4, P's hidden width, factorization last; and its flow variable
        DataCell[] summary = NodeTestSupport.cells((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_SUMMARY]).get(0);
        assertEquals("4", summary[0].toString());
        assertEquals(Integer.toString(N), summary[1].toString(), "P's one hidden width");
        assertEquals("symmetric", summary[summary.length - 1].toString());
        assertEquals(RunSummary.COLUMNS.size() - 1, RunSummary.COLUMNS.indexOf("factorization"));
        assertEquals("symmetric", m.peekFlowVariableString("deepfact_factorization"));

        // the model port records the factorization and keeps it through a save and load
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)out[DeepFactorizationLearnerNodeModel.OUT_MODEL];
        DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(model);
        assertEquals(Factorization.SYMMETRIC, back.factorization());
        assertEquals(4, back.getSpec().depth());
        assertEquals(2, back.factors().size());
        assertArrayEquals(direct.endToEnd().data, back.matrix().data, 0.0);
        DMatrixRMaj rebuilt = back.productOfFactors();
        double scale = CommonOps_DDRM.elementMaxAbs(back.matrix());
        for (int k = 0; k < rebuilt.data.length; k++) {
            assertEquals(back.matrix().data[k], rebuilt.data[k], 1e-12 * scale, "P P^T from the stored factors");
        }
        assertEquals(Factorization.SYMMETRIC,
            ((org.deepfact.knime.port.DeepFactorizationModelPortObjectSpec)m.configure(
                new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null})[DeepFactorizationLearnerNodeModel.OUT_MODEL])
                    .factorization(), "the spec knows it at configure");
    }

    @Test
    void anOddDepthIsRefusedNamingBothSettings() throws Exception {
        DeepFactorizationLearnerNodeModel m = symmetric(3);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null}));
        assertTrue(e.getMessage().contains("(setting 'factorization') = symmetric") && e.getMessage().contains(
            "(setting 'depth'), got 3"), e.getMessage());
        ExecutionContext exec = exec();
        assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{FIXTURE.table(exec), null, null}, exec));
        // and a dialog or flow variable cannot save it
        NodeSettings s = new NodeSettings("s");
        SettingsCalls.save(m, s);
        e = assertThrows(InvalidSettingsException.class,
            () -> SettingsCalls.validate(new DeepFactorizationLearnerNodeFactory().createNodeModel(), s));
        assertTrue(e.getMessage().contains("'factorization'") && e.getMessage().contains("got 3"), e.getMessage());
    }

    @Test
    void aDeterminantConditionIsRefusedWithSymmetric() {
        DeepFactorizationLearnerNodeModel m = symmetric(2);
        m.settings().initCondition("negative_determinant");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null}));
        assertTrue(e.getMessage().contains("(setting 'init_condition') = negative_determinant")
            && e.getMessage().contains("'factorization'"), e.getMessage());
    }

    @Test
    void aNonSquareMatrixIsRefusedNamingTheSettingAndTheShape() throws Exception {
        DeepFactorizationLearnerNodeModel m = symmetric(2);
        ExecutionContext exec = exec();
        BufferedDataTable entries = NodeTestSupport.table(exec, EntriesFixture.ENTRIES,
            new Object[][]{{0, 0, 1.0}, {1, 2, 2.0}, {0, 1, 3.0}});
        // at execute, from the data: 2 x 3
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> m.execute(new PortObject[]{entries, null, null}, exec));
        assertTrue(e.getMessage().contains("(setting 'factorization') = symmetric")
            && e.getMessage().contains("square matrix, got 2 x 3"), e.getMessage());
        // at configure, when the shape is set
        m.settings().entries().setShape(4, 5);
        e = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null}));
        assertTrue(e.getMessage().contains("'factorization'") && e.getMessage().contains("got 4 x 5"),
            e.getMessage());
        // a general factorization of the same shape is fine
        m.settings().factorization("general");
        m.configure(new PortObjectSpec[]{EntriesFixture.ENTRIES, null, null});
    }

    @Test
    void aCommutingSensingProblemTrainsAsTheEngineDoes() throws Exception {
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(N, N, 1, 4)
            .withStructure(GroundTruthSpec.Structure.PSD));
        SensingOperator op = SensingOperator.commuting(N, 3, 8);
        SensingProblemPortObject sensing = new SensingProblemPortObject(
            new SensingProblemPortObjectSpec(SensingKind.COMMUTING, N, 3, 8), N, op.measure(truth));
        DeepFactorizationLearnerNodeModel m = symmetric(2);
        m.settings().init("identity").initScale(1e-4).learningRate(0.4);
        ExecutionContext exec = exec();
        PortObject[] out = m.execute(new PortObject[]{null, null, sensing}, exec);
        TrainingResult direct = Trainer.train(RecoveryProblem.sensing(op, op.measure(truth)),
            m.settings().toTrainingConfig(), null);
        assertArrayEquals(EntriesFixture.toArray(direct.endToEnd()),
            NodeTestSupport.toArray((BufferedDataTable)out[DeepFactorizationLearnerNodeModel.OUT_MATRIX]));
    }

    // ---- Gunasekar's experiment as a KNIME user builds it ----

    private static PortObject[] run(final NodeModel model, final PortObject[] in, final ExecutionContext exec)
        throws Exception {
        java.lang.reflect.Method execute =
            NodeModel.class.getDeclaredMethod("execute", PortObject[].class, ExecutionContext.class);
        execute.setAccessible(true);
        try {
            return (PortObject[])execute.invoke(model, in, exec);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Exception)e.getCause();
        }
    }

    /** @return a node of {@code factory} with its default settings overridden by key, as a flow variable does */
    private static NodeModel node(final NodeFactory<? extends NodeModel> factory, final Object... keyValues)
        throws InvalidSettingsException {
        StatelessNodeModel<?> model = (StatelessNodeModel<?>)factory.createNodeModel();
        NodeSettings s = new NodeSettings("s");
        SettingsCalls.save(model, s);
        for (int k = 0; k < keyValues.length; k += 2) {
            String key = (String)keyValues[k];
            Object v = keyValues[k + 1];
            if (v instanceof Integer) {
                s.addInt(key, (Integer)v);
            } else if (v instanceof Long) {
                s.addLong(key, (Long)v);
            } else {
                s.addString(key, (String)v);
            }
        }
        SettingsCalls.validate(model, s);
        SettingsCalls.load(model, s);
        return model;
    }

    /** @return the trace of the symmetric depth-2 Learner's W from U(0) = alpha I by GD, and the min trace */
    private static double[] traces(final double alpha) throws Exception {
        ExecutionContext exec = exec();
        PortObject truth = run(node(new LowRankMatrixGeneratorNodeFactory(), "rows", 10, "cols", 10, "rank", 1,
            "seed", 1L, "structure", "psd"), new PortObject[0], exec)[0];
        PortObject sensing = run(node(new MatrixSensingNodeFactory(), "measurements", 5, "seed", 1L, "operator",
            "commuting"), new PortObject[]{truth}, exec)[0];

        DeepFactorizationLearnerNodeModel learner = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        learner.settings().factorization("symmetric").depth(2).init("identity").initScale(alpha * alpha)
            .optimizer("gd").learningRate(0.4).maxIterations(100_000).lossThreshold(1e-9).logEvery(1000).topK(3);
        PortObject[] learned = learner.execute(new PortObject[]{null, null, sensing}, exec);
        DMatrixRMaj w = new DMatrixRMaj(NodeTestSupport.toArray((BufferedDataTable)learned[0]));
        assertEquals("converged", NodeTestSupport.cells((BufferedDataTable)learned[4]).get(0)[8].toString());

        NuclearNormCompletionNodeModel nuclear = new NuclearNormCompletionNodeFactory().createNodeModel();
        nuclear.settings().psd(true).equality(true).tolerance(1e-8).maxIterations(200_000);
        PortObject[] baseline = run(nuclear, new PortObject[]{null, sensing}, exec);
        DMatrixRMaj x = new DMatrixRMaj(NodeTestSupport.toArray((BufferedDataTable)baseline[0]));
        double truthTrace = CommonOps_DDRM.trace(new DMatrixRMaj(NodeTestSupport.toArray((BufferedDataTable)truth)));
        return new double[]{CommonOps_DDRM.trace(w), CommonOps_DDRM.trace(x), truthTrace};
    }

    /**
     * Gunasekar et al. (NeurIPS 2017): with commuting measurements, gradient descent on U U^T from
     * U(0) = alpha I tends to the minimum-trace PSD solution as alpha -> 0. Here n = 10, a rank-1 PSD
     * truth (trace 10) and m = 5 &lt; n measurements, so the truth is not what is found: the minimum
     * trace is about 4.88, and the learned trace is 0.9% above it at alpha = 0.1, 0.25% at 0.01.
     */
    @Test
    void gunasekarsFlowReachesTheMinimumTraceAtASmallScale() throws Exception {
        double[] small = traces(0.01);
        double[] large = traces(0.1);
        assertEquals(small[1], large[1], 0.0, "the same baseline");
        double minTrace = small[1];
        assertTrue(minTrace < 0.9 * small[2], "m = 5 < n measurements do not determine the truth: min trace "
            + minTrace + ", truth's " + small[2]);
        double gapSmall = (small[0] - minTrace) / minTrace;
        double gapLarge = (large[0] - minTrace) / minTrace;
        assertTrue(gapSmall > -1e-4 && gapSmall < 0.01, "alpha 0.01: trace " + small[0] + " vs min " + minTrace);
        assertTrue(gapLarge > gapSmall, "the gap shrinks with alpha: " + gapLarge + " at 0.1, " + gapSmall
            + " at 0.01");
    }
}
