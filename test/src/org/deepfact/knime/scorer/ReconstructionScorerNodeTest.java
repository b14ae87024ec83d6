package org.deepfact.knime.scorer;

import static org.deepfact.knime.testing.NodeTestSupport.assertSameStructure;
import static org.deepfact.knime.testing.NodeTestSupport.cells;
import static org.deepfact.knime.testing.NodeTestSupport.exec;
import static org.deepfact.knime.testing.NodeTestSupport.matrixTable;
import static org.deepfact.knime.testing.NodeTestSupport.possibleValues;
import static org.deepfact.knime.testing.NodeTestSupport.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.data.Observations;
import org.deepfact.engine.metrics.ReconstructionErrors;
import org.deepfact.engine.metrics.ReconstructionErrors.Errors;
import org.deepfact.knime.common.EntriesTable;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SettingsCalls;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.message.Message;

class ReconstructionScorerNodeTest {

    private final ExecutionContext exec = exec(new ReconstructionScorerNodeFactory());

    private final double[][] est = {{1, 2, 3}, {4, 5, 6}};

    private final double[][] truth = {{1, 2, 4}, {4, 7, 6}};

    private static void assertRow(final Errors e, final DataCell[] row) {
        assertEquals(e.count(), ((LongValue)row[1]).getLongValue());
        assertEquals(e.mse(), ((DoubleValue)row[2]).getDoubleValue(), 0.0);
        assertEquals(e.rmse(), ((DoubleValue)row[3]).getDoubleValue(), 0.0);
        assertEquals(e.relativeFrobenius(), ((DoubleValue)row[4]).getDoubleValue(), 0.0);
        assertEquals(e.maxAbs(), ((DoubleValue)row[5]).getDoubleValue(), 0.0);
    }

    @Test
    void allObservedUnobservedEqualTheEngine() throws Exception {
        final ReconstructionScorerNodeModel m = new ReconstructionScorerNodeFactory().createNodeModel();
        final BufferedDataTable e = matrixTable(exec, "e", est);
        final BufferedDataTable t = matrixTable(exec, "t", truth);
        final BufferedDataTable o = table(exec, EntriesTable.spec(), new Object[]{0, 2, 4.1}, new Object[]{1, 0, 4.0});
        final DataTableSpec[] specs = m.configure(
            new DataTableSpec[]{e.getDataTableSpec(), t.getDataTableSpec(), o.getDataTableSpec()});
        assertEquals(ReconstructionScorerNodeModel.metricsSpec(), specs[0]);
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{e, t, o}, exec)[0];
        assertSameStructure(specs[0], out.getDataTableSpec());
        final DMatrixRMaj we = new DMatrixRMaj(est);
        final DMatrixRMaj wt = new DMatrixRMaj(truth);
        final Observations obs = Observations.of(2, 3, new int[]{0, 1}, new int[]{2, 0}, new double[]{4.1, 4.0});
        final List<DataCell[]> rows = cells(out);
        assertEquals(3, rows.size());
        // a Row Filter or Color Manager downstream offers the subsets from the computed domain
        assertEquals(List.of("all", "observed", "unobserved"), possibleValues(out, "subset"));
        assertEquals("all", rows.get(0)[0].toString());
        assertRow(ReconstructionErrors.all(we, wt), rows.get(0));
        assertRow(ReconstructionErrors.observed(we, wt, obs), rows.get(1));
        assertRow(ReconstructionErrors.unobserved(we, wt, obs), rows.get(2));
        assertEquals(0.5, ((DoubleValue)rows.get(1)[2]).getDoubleValue(), 1e-15, "observed MSE: ((3-4)^2 + 0) / 2");
    }

    @Test
    void withoutObservedEntriesOnlyAll() throws Exception {
        final ReconstructionScorerNodeModel m = new ReconstructionScorerNodeFactory().createNodeModel();
        final BufferedDataTable e = matrixTable(exec, "e", est);
        final BufferedDataTable t = matrixTable(exec, "t", truth);
        final DataTableSpec[] specs =
            m.configure(new DataTableSpec[]{e.getDataTableSpec(), t.getDataTableSpec(), null});
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{e, t, null}, exec)[0];
        assertSameStructure(specs[0], out.getDataTableSpec());
        assertEquals(1, out.size());
        assertEquals(5.0 / 6.0, ((DoubleValue)cells(out).get(0)[2]).getDoubleValue(), 1e-15);
    }

    @Test
    void settingsRoundTrip() throws Exception {
        final ReconstructionScorerNodeModel m = new ReconstructionScorerNodeFactory().createNodeModel();
        final NodeSettings ns = new NodeSettings("s");
        SettingsCalls.save(m, ns);
        ns.addString("row_column", "i");
        SettingsCalls.validate(m, ns);
        SettingsCalls.load(m, ns);
        final NodeSettings back = new NodeSettings("b");
        SettingsCalls.save(m, back);
        assertEquals("i", back.getString("row_column"));
        ns.addString("column_column", "i");
        final var same = assertThrows(InvalidSettingsException.class, () -> SettingsCalls.validate(m, ns));
        assertTrue(same.getMessage().contains("must differ") && same.getMessage().contains("'column_column'"),
            same.getMessage());
    }

    @Test
    void everyEntryObservedGivesMissingUnobservedMetricsAndAWarning() throws Exception {
        final ReconstructionScorerNodeModel m = new ReconstructionScorerNodeFactory().createNodeModel();
        final List<String> warnings = new ArrayList<>();
        m.addWarningListener(w -> warnings.add(Message.getSummaryFrom(w)));
        final Object[][] all = new Object[6][];
        for (int k = 0; k < 6; k++) {
            all[k] = new Object[]{k / 3, k % 3, 0.0};
        }
        final BufferedDataTable out = m.execute(new BufferedDataTable[]{matrixTable(exec, "e", est),
            matrixTable(exec, "t", truth), table(exec, EntriesTable.spec(), all)}, exec)[0];
        final DataCell[] unobserved = cells(out).get(2);
        assertEquals("unobserved", unobserved[0].toString());
        assertEquals(0L, ((LongValue)unobserved[1]).getLongValue());
        for (int c = 2; c < unobserved.length; c++) {
            assertTrue(unobserved[c].isMissing(), "metric " + c + " of no entries is a missing cell, not NaN");
        }
        assertTrue(warnings.stream().anyMatch(w -> w != null && w.contains("Every entry is observed")),
            warnings.toString());
    }

    @Test
    void shapeMismatchAndOutOfRangeEntries() throws Exception {
        final ReconstructionScorerNodeModel m = new ReconstructionScorerNodeFactory().createNodeModel();
        final BufferedDataTable e = matrixTable(exec, "e", est);
        final BufferedDataTable narrow = matrixTable(exec, "t", new double[][]{{1, 2}, {3, 4}});
        final var cols = assertThrows(InvalidSettingsException.class,
            () -> m.configure(new DataTableSpec[]{e.getDataTableSpec(), narrow.getDataTableSpec(), null}));
        assertTrue(cols.getMessage().contains("3 columns") && cols.getMessage().contains("2"), cols.getMessage());
        final BufferedDataTable shortTruth = matrixTable(exec, "t", new double[][]{{1, 2, 3}});
        final var rows = assertThrows(InvalidInputException.class,
            () -> m.execute(new BufferedDataTable[]{e, shortTruth, null}, exec));
        assertTrue(rows.getMessage().contains("2 x 3") && rows.getMessage().contains("1 x 3"), rows.getMessage());
        final BufferedDataTable o = table(exec, EntriesTable.spec(), new Object[]{2, 0, 1.0});
        final var out = assertThrows(InvalidInputException.class,
            () -> m.execute(new BufferedDataTable[]{e, matrixTable(exec, "t", truth), o}, exec));
        assertTrue(out.getMessage().contains("Row 'Row0', column 'row'"), out.getMessage());
    }
}
