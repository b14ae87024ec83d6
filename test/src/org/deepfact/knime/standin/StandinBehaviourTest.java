package org.deepfact.knime.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.filestore.internal.NotInWorkflowDataRepository;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.SingleNodeContainer;
import org.knime.core.node.message.Message;
import org.osgi.framework.FrameworkUtil;

/**
 * Checks the in-memory behaviour of the offline org.knime.core stand-in that node tests rely on. Uses only API that
 * real KNIME also has, so it also runs against the real bundle.
 */
class StandinBehaviourTest {

    /** Minimal model: one output, records warnings through the real public listener API. */
    static final class WarningModel extends NodeModel {
        WarningModel() {
            super(0, 1);
        }

        void warn(final String msg) {
            setWarningMessage(msg);
        }

        void push(final String name, final double v) {
            pushFlowVariableDouble(name, v);
        }

        void push(final String name, final int v) {
            pushFlowVariableInt(name, v);
        }

        void push(final String name, final String v) {
            pushFlowVariableString(name, v);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{null};
        }

        @Override
        protected void loadInternals(final File d, final ExecutionMonitor e) {
        }

        @Override
        protected void saveInternals(final File d, final ExecutionMonitor e) {
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO s) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO s) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO s) {
        }

        @Override
        protected void reset() {
        }
    }

    static final class WarningFactory extends NodeFactory<WarningModel> {
        @Override
        public WarningModel createNodeModel() {
            return new WarningModel();
        }

        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<WarningModel> createNodeView(final int i, final WarningModel m) {
            return null;
        }

        @Override
        protected boolean hasDialog() {
            return false;
        }

        @Override
        protected NodeDialogPane createNodeDialogPane() {
            return null;
        }
    }

    private final DefaultNodeProgressMonitor m_monitor = new DefaultNodeProgressMonitor();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ExecutionContext newExec() {
        return new ExecutionContext(m_monitor, new Node((NodeFactory)new WarningFactory()),
            SingleNodeContainer.MemoryPolicy.CacheSmallInMemory, NotInWorkflowDataRepository.newInstance());
    }

    private static DataTableSpec spec() {
        return new DataTableSpec(new DataColumnSpecCreator("a", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("b", IntCell.TYPE).createSpec());
    }

    @Test
    void tablesIterateInInsertionOrder() {
        final BufferedDataContainer c = newExec().createDataContainer(spec());
        for (long i = 0; i < 5; i++) {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(4 - i), new DoubleCell(i), new IntCell((int)i)));
        }
        c.close();
        final BufferedDataTable t = c.getTable();
        assertEquals(5, t.size());
        final List<String> keys = new ArrayList<>();
        for (DataRow r : t) {
            keys.add(r.getKey().getString());
        }
        assertEquals(List.of("Row4", "Row3", "Row2", "Row1", "Row0"), keys);
        // iterable twice, same order
        final List<String> again = new ArrayList<>();
        t.forEach(r -> again.add(r.getKey().getString()));
        assertEquals(keys, again);
        assertTrue(spec().equalStructure(t.getDataTableSpec()));
    }

    @Test
    void containersComputeBoundsAndPossibleValuesAsKnimeDoes() {
        final DataTableSpec in = new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("n", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("s", StringCell.TYPE).createSpec());
        final BufferedDataContainer c = newExec().createDataContainer(in);
        c.addRowToTable(new DefaultRow("r0", new DoubleCell(2.5), new IntCell(7), new StringCell("b")));
        c.addRowToTable(new DefaultRow("r1", new DoubleCell(Double.NaN), DataType.getMissingCell(),
            new StringCell("a")));
        c.addRowToTable(new DefaultRow("r2", new DoubleCell(-1), new IntCell(-3), new StringCell("b")));
        c.addRowToTable(new DefaultRow("r3", DataType.getMissingCell(), new IntCell(4), DataType.getMissingCell()));
        c.close();
        final DataTableSpec out = c.getTable().getDataTableSpec();
        // numbers: bounds without missing cells and NaN, no possible values
        final DataColumnDomain x = out.getColumnSpec("x").getDomain();
        assertEquals(new DoubleCell(-1), x.getLowerBound());
        assertEquals(new DoubleCell(2.5), x.getUpperBound());
        assertFalse(x.hasValues());
        final DataColumnDomain n = out.getColumnSpec("n").getDomain();
        assertEquals(new IntCell(-3), n.getLowerBound());
        assertEquals(new IntCell(7), n.getUpperBound());
        // strings: possible values in the order first seen, no bounds
        final DataColumnDomain s = out.getColumnSpec("s").getDomain();
        assertEquals(List.of(new StringCell("b"), new StringCell("a")), new ArrayList<>(s.getValues()));
        assertFalse(s.hasLowerBound() || s.hasUpperBound());
        // the domain makes the specs unequal, the structure is the same
        assertFalse(in.equals(out));
        assertTrue(in.equalStructure(out));
        assertFalse(in.equalStructure(new DataTableSpec(in.getColumnSpec(1), in.getColumnSpec(0),
            in.getColumnSpec(2))));
    }

    @Test
    void tooManyDistinctStringsLeaveThePossibleValuesUnknown() {
        final DataTableSpec in = new DataTableSpec(new DataColumnSpecCreator("s", StringCell.TYPE).createSpec());
        final BufferedDataContainer few = newExec().createDataContainer(in);
        final BufferedDataContainer many = newExec().createDataContainer(in);
        for (int i = 0; i <= 60; i++) {
            if (i < 60) {
                few.addRowToTable(new DefaultRow("r" + i, new StringCell("v" + i)));
            }
            many.addRowToTable(new DefaultRow("r" + i, new StringCell("v" + i)));
        }
        few.close();
        many.close();
        assertEquals(60, few.getTable().getDataTableSpec().getColumnSpec(0).getDomain().getValues().size());
        assertNull(many.getTable().getDataTableSpec().getColumnSpec(0).getDomain().getValues());
    }

    @Test
    void theExecutionContextsContainerExtendsTheGivenDomainAPlainOneReplacesIt() {
        final DataColumnDomainCreator given = new DataColumnDomainCreator();
        given.setLowerBound(new DoubleCell(-10));
        given.setUpperBound(new DoubleCell(10));
        final DataColumnSpecCreator col = new DataColumnSpecCreator("x", DoubleCell.TYPE);
        col.setDomain(given.createDomain());
        final DataTableSpec in = new DataTableSpec(col.createSpec());
        final BufferedDataContainer extending = newExec().createDataContainer(in);
        final DataContainer replacing = new DataContainer(in);
        extending.addRowToTable(new DefaultRow("r0", new DoubleCell(0.5)));
        replacing.addRowToTable(new DefaultRow("r0", new DoubleCell(0.5)));
        extending.close();
        replacing.close();
        assertEquals(new DoubleCell(-10), extending.getTable().getDataTableSpec().getColumnSpec(0).getDomain()
            .getLowerBound());
        assertEquals(new DoubleCell(0.5), replacing.getTable().getDataTableSpec().getColumnSpec(0).getDomain()
            .getLowerBound());
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec(),
                new DataColumnSpecCreator("x", StringCell.TYPE).createSpec()));
        final DataTableSpec s = spec();
        assertEquals(1, s.findColumnIndex("b"));
        assertEquals(-1, s.findColumnIndex("zz"));
        assertTrue(s.containsName("a"));
        assertArrayEquals(new String[]{"a", "b"}, s.getColumnNames());
    }

    /**
     * KNIME reports a wrong row width or a duplicate key when it notices, which may be at the add or only at
     * {@code close()}, and promises no exception type: all a caller may rely on is that the table is not made.
     */
    @Test
    void badRowsFailTheTableAtTheLatestOnClose() {
        for (DataRow bad : List.of(new DefaultRow("r2", new DoubleCell(1)),
            new DefaultRow("r1", new DoubleCell(2), new IntCell(2)))) {
            final BufferedDataContainer c = newExec().createDataContainer(spec());
            c.addRowToTable(new DefaultRow("r1", new DoubleCell(1), new IntCell(1)));
            assertThrows(RuntimeException.class, () -> {
                c.addRowToTable(bad);
                c.close();
            }, "no error for " + bad);
            assertThrows(IllegalStateException.class, c::getTable);
        }
    }

    @Test
    void closedContainerRefusesRows() {
        final BufferedDataContainer c = newExec().createDataContainer(spec());
        c.addRowToTable(new DefaultRow("r1", new DoubleCell(1), new IntCell(1)));
        c.close();
        assertThrows(IllegalStateException.class,
            () -> c.addRowToTable(new DefaultRow("r3", new DoubleCell(3), new IntCell(3))));
        assertEquals(1, c.getTable().size());
    }

    @Test
    void settingsRoundTripEveryTypeAndMissingKeyFails() throws Exception {
        final NodeSettings s = new NodeSettings("root");
        s.addInt("i", 7);
        s.addLong("l", 1L << 40);
        s.addDouble("d", 0.25);
        s.addBoolean("b", true);
        s.addString("s", "text");
        s.addStringArray("sa", "x", "y");
        s.addIntArray("ia", 1, 2, 3);
        s.addDoubleArray("da", 1.5, -2.5);
        final NodeSettingsWO nestedWO = s.addNodeSettings("nested");
        nestedWO.addInt("depth", 2);

        final NodeSettingsRO r = s;
        assertEquals(7, r.getInt("i"));
        assertEquals(1L << 40, r.getLong("l"));
        assertEquals(0.25, r.getDouble("d"));
        assertTrue(r.getBoolean("b"));
        assertEquals("text", r.getString("s"));
        assertArrayEquals(new String[]{"x", "y"}, r.getStringArray("sa"));
        assertArrayEquals(new int[]{1, 2, 3}, r.getIntArray("ia"));
        assertArrayEquals(new double[]{1.5, -2.5}, r.getDoubleArray("da"));
        assertEquals(2, r.getNodeSettings("nested").getInt("depth"));

        assertThrows(InvalidSettingsException.class, () -> r.getInt("missing"));
        assertThrows(InvalidSettingsException.class, () -> r.getNodeSettings("missing"));
        assertEquals(5, r.getInt("missing", 5));

        // a settings model round-trips through settings and rejects a missing key
        final SettingsModelIntegerBounded m = new SettingsModelIntegerBounded("depth", 3, 1, 10);
        m.setIntValue(4);
        final NodeSettings ms = new NodeSettings("m");
        m.saveSettingsTo(ms);
        final SettingsModelIntegerBounded m2 = new SettingsModelIntegerBounded("depth", 3, 1, 10);
        m2.validateSettings(ms);
        m2.loadSettingsFrom(ms);
        assertEquals(4, m2.getIntValue());
        assertThrows(InvalidSettingsException.class, () -> m2.loadSettingsFrom(new NodeSettings("empty")));
        assertThrows(IllegalArgumentException.class, () -> m2.setIntValue(11));
    }

    @Test
    void checkCanceledThrowsAfterCancel() throws Exception {
        final ExecutionContext exec = newExec();
        exec.checkCanceled();
        final ExecutionContext sub = exec.createSubExecutionContext(0.5);
        m_monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
    }

    @Test
    void progressAndMessagesAreRecorded() {
        final ExecutionContext exec = newExec();
        assertNull(m_monitor.getProgress());
        exec.setProgress(0.25, "iteration 1 / 4");
        assertEquals(0.25, m_monitor.getProgress(), 1e-12);
        assertEquals("iteration 1 / 4", m_monitor.getMessage());
        exec.setMessage("loading");
        assertEquals("loading", m_monitor.getMessage());
        final ExecutionContext sub = exec.createSubExecutionContext(0.5);
        sub.setProgress(1.0);
        assertEquals(0.75, m_monitor.getProgress(), 1e-12);
    }

    @Test
    void warningsAreObservableThroughTheListener() {
        final WarningModel model = new WarningModel();
        final List<String> warnings = new ArrayList<>();
        model.addWarningListener(w -> warnings.add(Message.getSummaryFrom(w)));
        model.warn("3 rows skipped");
        assertEquals(List.of("3 rows skipped"), warnings);
    }

    @Test
    void peekSeesWhatTheNodePushedByNameAndTypeTheLatestWinning() {
        // a model outside a workflow has no flow object stack in real KNIME: this is stand-in behaviour only
        assumeTrue(FrameworkUtil.getBundle(NodeModel.class).getEntry("api/org.knime.core-5.5.0.api.txt") != null,
            "org.knime.core is not the stand-in");
        final WarningModel model = new WarningModel();
        assertThrows(NoSuchElementException.class, () -> model.peekFlowVariableDouble("x"), "nothing pushed yet");
        model.push("x", 0.1 + 0.2);
        model.push("n", 7);
        model.push("s", "converged");
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
            Double.doubleToRawLongBits(model.peekFlowVariableDouble("x")), "bit for bit");
        assertEquals(7, model.peekFlowVariableInt("n"));
        assertEquals("converged", model.peekFlowVariableString("s"));
        model.push("x", Double.NaN);
        assertTrue(Double.isNaN(model.peekFlowVariableDouble("x")), "a later push of the same name and type wins");
        final NoSuchElementException e =
            assertThrows(NoSuchElementException.class, () -> model.peekFlowVariableInt("x"), "x is a double");
        assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> model.peekFlowVariableString("unknown"));
        model.push("n", "seven");
        assertEquals(7, model.peekFlowVariableInt("n"), "the int n is still found under a string n");
        assertEquals("seven", model.peekFlowVariableString("n"));
        assertThrows(NullPointerException.class, () -> model.peekFlowVariableDouble(null));
        assertThrows(NullPointerException.class, () -> model.push(null, 1));
        assertThrows(IllegalArgumentException.class, () -> model.push(" ", 1), "blank name");
        assertThrows(IllegalArgumentException.class, () -> model.push("knime.node.x", 1), "reserved prefix");
    }

    @Test
    void intCellIsReadableAsDoubleAndLong() {
        final DataCell c = new IntCell(42);
        assertTrue(c instanceof DoubleValue);
        assertEquals(42.0, ((DoubleValue)c).getDoubleValue());
        assertEquals(42L, ((LongValue)c).getLongValue());
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
    }

    @Test
    void missingCell() {
        final DataCell missing = DataType.getMissingCell();
        assertNotNull(missing);
        assertTrue(missing.isMissing());
        assertFalse(missing instanceof DoubleValue);
        assertFalse(new DoubleCell(Double.NaN).isMissing());
        assertEquals(missing, DataType.getMissingCell());
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultDialogBuildsHeadlessAndRoundTrips() throws Exception {
        final SettingsModelDoubleBounded lr = new SettingsModelDoubleBounded("lr", 0.1, 0.0, 1.0);
        final SettingsModelString mode = new SettingsModelString("mode", "a");
        final SettingsModelBoolean flag = new SettingsModelBoolean("flag", false);
        final SettingsModelString col = new SettingsModelString("col", null);
        final DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.createNewGroup("Training");
        pane.addDialogComponent(new DialogComponentNumber(lr, "Learning rate", 0.01));
        pane.addDialogComponent(new DialogComponentStringSelection(mode, "Mode", "a", "b"));
        pane.closeCurrentGroup();
        pane.createNewTab("Advanced");
        pane.addDialogComponent(new DialogComponentBoolean(flag, "Flag"));
        pane.addDialogComponent(new DialogComponentColumnNameSelection(col, "Column", 0, DoubleValue.class));

        final NodeSettings in = new NodeSettings("in");
        in.addDouble("lr", 0.5);
        in.addString("mode", "b");
        in.addBoolean("flag", true);
        in.addString("col", "b");
        pane.loadSettingsFrom(in, new PortObjectSpec[]{spec()});
        final NodeSettings out = new NodeSettings("out");
        pane.saveSettingsTo(out);
        assertEquals(0.5, out.getDouble("lr"));
        assertEquals("b", out.getString("mode"));
        assertTrue(out.getBoolean("flag"));
        assertEquals("b", out.getString("col"));
    }
}
