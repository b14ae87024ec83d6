package org.deepfact.knime.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.learner.DeepFactorizationLearnerNodeFactory;
import org.deepfact.knime.port.DeepFactorizationModelPortObject;
import org.deepfact.knime.port.ModelPortRoundTrip;
import org.deepfact.knime.testing.EntriesFixture;
import org.deepfact.knime.testing.NodeTestSupport;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.message.Message;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Learner -> model port (saved and loaded) -> Predictor, in index and ID key form. */
class DeepFactorizationPredictorNodeTest {

    private static final int ROWS = 6;
    private static final int COLS = 5;

    private static final EntriesFixture FIXTURE = new EntriesFixture(ROWS, COLS, (i, j) -> (1 + 0.5 * i) * (1 - 0.3 * j),
        EntriesFixture.positions(ROWS, COLS, (i, j) -> (i * 7 + j * 3) % 5));

    private static final DataTableSpec ID_ENTRIES = new DataTableSpec(new String[]{"row", "column", "value"},
        new DataType[]{StringCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});

    private static ExecutionContext exec() {
        return NodeTestSupport.exec(new DeepFactorizationPredictorNodeFactory());
    }

    /** Trains through the Learner node and returns (completed matrix table, model after save and load). */
    private static Object[] train(final boolean ids, final ExecutionContext exec) throws Exception {
        NodeModel learner = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        org.deepfact.knime.learner.LearnerSettings s =
            ((org.deepfact.knime.common.StatelessNodeModel<org.deepfact.knime.learner.LearnerSettings>)learner)
                .settings();
        s.depth(3).learningRate(1e-2).maxIterations(200).logEvery(100).topK(1).initScale(1e-2);
        BufferedDataTable in = FIXTURE.table(exec);
        if (ids) {
            s.entries().setIdMode(true);
            List<Object[]> rows = new ArrayList<>();
            for (int[] p : FIXTURE.positions()) {
                rows.add(new Object[]{"u" + p[0], "i" + p[1], FIXTURE.truth()[p[0]][p[1]]});
            }
            in = NodeTestSupport.table(exec, ID_ENTRIES, rows.toArray(new Object[0][]));
        }
        java.lang.reflect.Method execute =
            NodeModel.class.getDeclaredMethod("execute", PortObject[].class, ExecutionContext.class);
        execute.setAccessible(true);
        PortObject[] out = (PortObject[])execute.invoke(learner, new PortObject[]{in, null, null}, exec);
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)out[5];
        DeepFactorizationModelPortObject back = ModelPortRoundTrip.saveAndLoad(model);
        return new Object[]{out[0], back};
    }

    private static BufferedDataTable allPairs(final ExecutionContext exec, final boolean ids, final String extraRow) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                rows.add(ids ? new Object[]{"u" + i, "i" + j} : new Object[]{i, j});
            }
        }
        if (extraRow != null) {
            rows.add(new Object[]{extraRow, "i0"});
        }
        DataTableSpec spec = new DataTableSpec(new String[]{"row", "column"},
            ids ? new DataType[]{StringCell.TYPE, StringCell.TYPE} : new DataType[]{IntCell.TYPE, IntCell.TYPE});
        return NodeTestSupport.table(exec, spec, rows.toArray(new Object[0][]));
    }

    @Test
    void predictionsEqualTheCompletedMatrixBitForBitAfterSaveAndLoad() throws Exception {
        ExecutionContext exec = exec();
        Object[] trained = train(false, exec);
        double[][] completed = NodeTestSupport.toArray((BufferedDataTable)trained[0]);
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)trained[1];
        DeepFactorizationPredictorNodeModel p = new DeepFactorizationPredictorNodeFactory().createNodeModel();
        BufferedDataTable pairs = allPairs(exec, false, null);
        PortObjectSpec[] specs = p.configure(new PortObjectSpec[]{model.getSpec(), pairs.getDataTableSpec()});
        BufferedDataTable out = (BufferedDataTable)p.execute(new PortObject[]{model, pairs}, exec)[0];
        NodeTestSupport.assertSameStructure((DataTableSpec)specs[0], out.getDataTableSpec());
        List<DataCell[]> rows = NodeTestSupport.cells(out);
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(completed[k / COLS][k % COLS], ((DoubleValue)rows.get(k)[2]).getDoubleValue(), 0.0);
        }
    }

    @Test
    void aSymmetricModelPredictsItsCompletedMatrixBitForBitWhichIsPPTransposedOfItsFactors() throws Exception {
        ExecutionContext exec = exec();
        int n = 5;
        EntriesFixture square = new EntriesFixture(n, n, (i, j) -> (1 + 0.5 * i) * (1 + 0.5 * j),
            EntriesFixture.positions(n, n, (i, j) -> (i * 7 + j * 3) % 3));
        NodeModel learner = new DeepFactorizationLearnerNodeFactory().createNodeModel();
        ((org.deepfact.knime.common.StatelessNodeModel<org.deepfact.knime.learner.LearnerSettings>)learner).settings()
            .factorization("symmetric").depth(4).learningRate(1e-2).maxIterations(200).logEvery(100).topK(1)
            .initScale(1e-2);
        java.lang.reflect.Method execute =
            NodeModel.class.getDeclaredMethod("execute", PortObject[].class, ExecutionContext.class);
        execute.setAccessible(true);
        PortObject[] out = (PortObject[])execute.invoke(learner, new PortObject[]{square.table(exec), null, null}, exec);
        double[][] completed = NodeTestSupport.toArray((BufferedDataTable)out[0]);
        DeepFactorizationModelPortObject model = ModelPortRoundTrip.saveAndLoad((DeepFactorizationModelPortObject)out[5]);
        assertEquals(org.deepfact.engine.model.Factorization.SYMMETRIC, model.factorization());
        assertEquals(2, model.factors().size(), "P's two factors");
        DeepFactorizationPredictorNodeModel p = new DeepFactorizationPredictorNodeFactory().createNodeModel();
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pairs.add(new Object[]{i, j});
            }
        }
        BufferedDataTable in = NodeTestSupport.table(exec, new DataTableSpec(new String[]{"row", "column"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE}), pairs.toArray(new Object[0][]));
        List<DataCell[]> rows = NodeTestSupport.cells((BufferedDataTable)p.execute(new PortObject[]{model, in}, exec)[0]);
        // the factors saved are P's: P P^T (productOfFactors) gives the prediction, their general product
        // W_2 W_1 = P does not, so a model that lost the factorization would fail here
        DMatrixRMaj ppt = model.productOfFactors();
        DMatrixRMaj general = new DMatrixRMaj(n, n);
        org.ejml.dense.row.CommonOps_DDRM.mult(model.factors().get(1), model.factors().get(0), general);
        double generalGap = 0;
        for (int k = 0; k < n * n; k++) {
            double predicted = ((DoubleValue)rows.get(k)[2]).getDoubleValue();
            assertEquals(completed[k / n][k % n], predicted, 0.0);
            assertEquals(predicted, ppt.get(k / n, k % n), 1e-12 * Math.max(1, Math.abs(predicted)), "P P^T at " + k);
            generalGap = Math.max(generalGap, Math.abs(predicted - general.get(k / n, k % n)));
        }
        assertTrue(generalGap > 1e-3, "W_2 W_1 differs from the prediction by only " + generalGap);
    }

    @Test
    void idKeysMapThroughTheModelAndUnknownKeysGiveMissingCellsAndOneWarning() throws Exception {
        ExecutionContext exec = exec();
        Object[] trained = train(true, exec);
        double[][] completed = NodeTestSupport.toArray((BufferedDataTable)trained[0]);
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)trained[1];
        DeepFactorizationPredictorNodeModel p = new DeepFactorizationPredictorNodeFactory().createNodeModel();
        AtomicReference<String> warning = new AtomicReference<>();
        p.addWarningListener(w -> warning.set(Message.getSummaryFrom(w)));
        BufferedDataTable out = (BufferedDataTable)p.execute(
            new PortObject[]{model, allPairs(exec, true, "stranger")}, exec)[0];
        List<DataCell[]> rows = NodeTestSupport.cells(out);
        for (int k = 0; k < ROWS * COLS; k++) {
            // sorted keys u0..u5, i0..i4: the identity mapping here
            assertEquals(completed[k / COLS][k % COLS], ((DoubleValue)rows.get(k)[2]).getDoubleValue(), 0.0);
        }
        assertTrue(rows.get(ROWS * COLS)[2].isMissing(), "unknown user");
        assertTrue(warning.get().startsWith("1 of 31 pairs"), warning.get());
    }

    @Test
    void indicesOutsideTheModelAndKeysOfTheWrongTypeAreErrorsNamingRowAndColumn() throws Exception {
        ExecutionContext exec = exec();
        DeepFactorizationModelPortObject model = (DeepFactorizationModelPortObject)train(false, exec)[1];
        DeepFactorizationPredictorNodeModel p = new DeepFactorizationPredictorNodeFactory().createNodeModel();
        BufferedDataTable outside = NodeTestSupport.table(exec, new DataTableSpec(new String[]{"row", "column"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE}), new Object[]{0, 0}, new Object[]{ROWS, 1});
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> p.execute(new PortObject[]{model, outside}, exec));
        assertEquals("Row 'Row1', column 'row': index 6 is outside the model's 6 x 5 matrix (6 rows, 0-based)",
            e.getMessage());

        DataTableSpec texts = allPairs(exec, true, null).getDataTableSpec();
        InvalidSettingsException c = assertThrows(InvalidSettingsException.class,
            () -> p.configure(new PortObjectSpec[]{model.getSpec(), texts}));
        assertTrue(c.getMessage().contains("'Row key column'") && c.getMessage().contains("port 'Pairs'"),
            c.getMessage());

        DeepFactorizationModelPortObject idModel = (DeepFactorizationModelPortObject)train(true, exec)[1];
        BufferedDataTable numbers = allPairs(exec, false, null);
        InvalidSettingsException k = assertThrows(InvalidSettingsException.class,
            () -> p.execute(new PortObject[]{idModel, numbers}, exec));
        assertTrue(k.getMessage().contains("holds numbers, but the model's row keys are all texts"), k.getMessage());

        assertThrows(InvalidSettingsException.class,
            () -> p.configure(new PortObjectSpec[]{null, numbers.getDataTableSpec()}));
        p.settings().columns("user", "column");
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class,
            () -> p.configure(new PortObjectSpec[]{model.getSpec(), numbers.getDataTableSpec()}));
        assertTrue(missing.getMessage().contains("'Row key column' ('row_column') is 'user'"), missing.getMessage());

        p.settings().columns("row", "column");
        DeepFactorizationModelPortObject unstored = DeepFactorizationModelPortObject.unstored(model.getSpec(), 6, 5,
            java.util.Map.of(), "too large");
        InvalidSettingsException u = assertThrows(InvalidSettingsException.class,
            () -> p.execute(new PortObject[]{unstored, numbers}, exec));
        assertEquals("The model at input port 'Model' holds no matrix: too large", u.getMessage());
    }
}
