package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArraySet;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.message.Message;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Offline stand-in for KNIME's {@code NodeModel} class.
 * <p>
 * Port layout, settings hooks, configure/execute and the warning message. As in KNIME, the port-object variants of
 * {@link #configure(PortObjectSpec[])} and {@link #execute(PortObject[], ExecutionContext)} cast to tables and
 * delegate to the table variants, whose defaults fail. There is no framework driving the model: tests call
 * configure/execute themselves (e.g. from a subclass or through a public test hook of the node) and observe warnings
 * through {@link #addWarningListener(NodeModelWarningListener)}.
 * <p>
 * Flow variables: the {@code pushFlowVariable*} methods put a variable on the node's own (outgoing) stack and the
 * {@code peekFlowVariable*} methods return the top-most variable of that name <em>and type</em>, so a node sees what
 * it pushed and a later push of the same name and type wins, as in KNIME. There is no incoming stack offline (no
 * workflow, no {@code knime.workspace} and no upstream variables): a name and type that was not pushed is a
 * {@link NoSuchElementException}, as in KNIME for a name no stack holds. The stack lives as long as the model
 * (KNIME starts a fresh one per execution). No views, hilite or streaming.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final NodeLogger m_logger;

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private final CopyOnWriteArraySet<NodeModelWarningListener> m_warningListeners = new CopyOnWriteArraySet<>();

    private String m_warningMessage;

    /** Pushed flow variables, bottom to top: {name, type name, value}. */
    private final List<Object[]> m_flowVariables = new ArrayList<>();

    /**
     * @param nrInDataPorts number of data inputs
     * @param nrOutDataPorts number of data outputs
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(dataPorts(nrInDataPorts), dataPorts(nrOutDataPorts));
    }

    private static PortType[] dataPorts(final int n) {
        final PortType[] types = new PortType[n];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    /**
     * @param inPortTypes non-null input port types (null array means none)
     * @param outPortTypes non-null output port types (null array means none)
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_logger = NodeLogger.getLogger(getClass());
        m_inPortTypes = checkPorts(inPortTypes, "InPortType");
        m_outPortTypes = checkPorts(outPortTypes, "OutPortType");
    }

    private static PortType[] checkPorts(final PortType[] types, final String what) {
        if (types == null) {
            return new PortType[0];
        }
        final PortType[] copy = types.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException(what + "[" + i + "] must not be null!");
            }
        }
        return copy;
    }

    /**
     * @param nodeInternDir directory to read internals from
     * @param exec for progress and cancellation
     * @throws IOException on read errors
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param nodeInternDir directory to write internals to
     * @param exec for progress and cancellation
     * @throws IOException on write errors
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return number of inputs */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return number of outputs */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /**
     * @param index input index
     * @return the input's port type
     */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /**
     * @param index output index
     * @return the output's port type
     */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    /**
     * @param settings to write the model's settings into
     */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    /**
     * @param settings to validate without changing the model
     * @throws InvalidSettingsException if invalid
     */
    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings validated settings to load
     * @throws InvalidSettingsException if a value is missing
     */
    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings)
        throws InvalidSettingsException;

    /**
     * General execute; the default casts the inputs to tables and calls
     * {@link #execute(BufferedDataTable[], ExecutionContext)}.
     *
     * @param inObjects the inputs
     * @param exec for tables, progress and cancellation
     * @return the outputs
     * @throws Exception on failure
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a data table but "
                    + inObjects[i].getClass().getSimpleName());
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    /**
     * Table execute; the default fails (one of the execute methods must be overridden).
     *
     * @param inData the input tables
     * @param exec for tables, progress and cancellation
     * @return the output tables
     * @throws Exception on failure
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /** Resets the model's internal state (not its settings). */
    protected abstract void reset();

    /**
     * General configure; the default casts the specs to table specs and calls
     * {@link #configure(DataTableSpec[])}.
     *
     * @param inSpecs the input specs
     * @return the output specs (elements may be null)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input port " + i + " does not hold data table specs");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /**
     * Table configure; the default fails (one of the configure methods must be overridden).
     *
     * @param inSpecs the input table specs
     * @return the output table specs (elements may be null)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /**
     * Sets (or with null clears) the warning message and notifies the warning listeners.
     *
     * @param warningMessage the message
     */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
        for (NodeModelWarningListener l : m_warningListeners) {
            l.warningChanged(warningMessage == null ? null : Message.fromSummary(warningMessage));
        }
    }

    /** @return the current warning message or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /**
     * @param listener notified on every {@link #setWarningMessage(String)}
     */
    public void addWarningListener(final NodeModelWarningListener listener) {
        if (listener == null) {
            throw new NullPointerException("Warning listener must not be null!");
        }
        m_warningListeners.add(listener);
    }

    /**
     * Puts a double flow variable onto the node's stack; a variable of that name and type pushed before is
     * (virtually) overwritten.
     *
     * @param name the variable's name (not blank; the prefix "knime" is reserved)
     * @param value its value
     * @throws NullPointerException if the name is null
     */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        push(name, TYPE_DOUBLE, Double.valueOf(value));
    }

    /**
     * Puts an integer flow variable onto the node's stack (see {@link #pushFlowVariableDouble(String, double)}).
     *
     * @param name the variable's name
     * @param value its value
     * @throws NullPointerException if the name is null
     */
    protected final void pushFlowVariableInt(final String name, final int value) {
        push(name, TYPE_INTEGER, Integer.valueOf(value));
    }

    /**
     * Puts a string flow variable onto the node's stack (see {@link #pushFlowVariableDouble(String, double)}).
     *
     * @param name the variable's name
     * @param value its value
     * @throws NullPointerException if the name is null
     */
    protected final void pushFlowVariableString(final String name, final String value) {
        push(name, TYPE_STRING, value);
    }

    /**
     * @param name the variable's name
     * @return the value of the top-most double variable of that name
     * @throws NullPointerException if the name is null
     * @throws NoSuchElementException if no double variable of that name exists
     */
    public final double peekFlowVariableDouble(final String name) {
        return ((Double)peek(name, TYPE_DOUBLE)).doubleValue();
    }

    /**
     * @param name the variable's name
     * @return the value of the top-most integer variable of that name
     * @throws NullPointerException if the name is null
     * @throws NoSuchElementException if no integer variable of that name exists
     */
    public final int peekFlowVariableInt(final String name) {
        return ((Integer)peek(name, TYPE_INTEGER)).intValue();
    }

    /**
     * @param name the variable's name
     * @return the value of the top-most string variable of that name
     * @throws NullPointerException if the name is null
     * @throws NoSuchElementException if no string variable of that name exists
     */
    public final String peekFlowVariableString(final String name) {
        return (String)peek(name, TYPE_STRING);
    }

    /** Type names as KNIME's messages spell them. */
    private static final String TYPE_DOUBLE = "DOUBLE";

    private static final String TYPE_INTEGER = "INTEGER";

    private static final String TYPE_STRING = "STRING";

    private void push(final String name, final String type, final Object value) {
        Objects.requireNonNull(name, "flow variable name");
        if (name.isBlank()) {
            // KNIME: IllegalFlowObjectStackException, a RuntimeException the stand-in does not have
            throw new IllegalArgumentException("A flow variable needs a name that is not blank");
        }
        if (name.startsWith("knime")) {
            // KNIME: IllegalFlowVariableNameException (a RuntimeException); "knime" is the global/local prefix
            throw new IllegalArgumentException(
                "Flow variable name '" + name + "' starts with 'knime', which is reserved");
        }
        synchronized (m_flowVariables) {
            m_flowVariables.add(new Object[]{name, type, value});
        }
    }

    private Object peek(final String name, final String type) {
        Objects.requireNonNull(name, "flow variable name");
        synchronized (m_flowVariables) {
            for (int i = m_flowVariables.size() - 1; i >= 0; i--) {
                final Object[] v = m_flowVariables.get(i);
                if (v[0].equals(name) && v[1].equals(type)) {
                    return v[2];
                }
            }
        }
        throw new NoSuchElementException("No flow variable \"" + name + "\" of type " + type);
    }

    /** @return the logger for this model's class */
    protected final NodeLogger getLogger() {
        return m_logger;
    }
}
