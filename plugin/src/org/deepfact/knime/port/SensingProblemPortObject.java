package org.deepfact.knime.port;

import org.deepfact.engine.data.SensingOperator;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A matrix sensing problem y_i = &lt;A_i, W*&gt;, i = 1..m, stored compactly: the shape, m, the
 * operator's seed and the m measurement values y. The sensing matrices A_i (m * rows * cols
 * numbers) are never stored: {@link #operator()} regenerates them, bit for bit, from the seed
 * with the engine's {@link SensingOperator} of the spec's {@link SensingKind}. At most {@link #MAX_MEASUREMENTS} values are held,
 * so the port never stores millions of numbers.
 */
public final class SensingProblemPortObject extends AbstractSimplePortObject {

    /** Saves and loads the port object in workflows (registered as objectSerializer in plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<SensingProblemPortObject> {
    }

    /** The port type (registered at org.knime.core.PortType in plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SensingProblemPortObject.class);

    /** The optional port type, for the model nodes' optional sensing input. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(SensingProblemPortObject.class, true);

    /** Largest m the port holds (100 000 values, 800 kB). */
    public static final int MAX_MEASUREMENTS = 100_000;

    private static final String KEY_ROWS = "rows";

    private static final String KEY_VALUES = "measurement_values";

    private SensingProblemPortObjectSpec m_spec;

    private int m_rows;

    private double[] m_values;

    /** For the serializer only. */
    public SensingProblemPortObject() {
    }

    /**
     * @param spec columns, m and seed
     * @param rows number of matrix rows
     * @param values the m measurements y_i (copied)
     * @throws IllegalArgumentException when the number of values is not m or exceeds {@link #MAX_MEASUREMENTS}
     */
    public SensingProblemPortObject(final SensingProblemPortObjectSpec spec, final int rows, final double[] values) {
        if (values.length != spec.measurements()) {
            throw new IllegalArgumentException("Expected " + spec.measurements() + " measurements, got "
                + values.length);
        }
        if (values.length > MAX_MEASUREMENTS) {
            throw new IllegalArgumentException("At most " + MAX_MEASUREMENTS + " measurements, got " + values.length);
        }
        if (spec.kind().squareOnly() && rows != spec.cols()) {
            throw new IllegalArgumentException("The " + spec.operator() + " sensing operator measures square matrices "
                + "only, got " + rows + " x " + spec.cols());
        }
        m_spec = spec;
        m_rows = rows;
        m_values = values.clone();
    }

    @Override
    public SensingProblemPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.measurements() + " " + m_spec.operator() + " sensing measurements of a " + m_rows + " x " + m_spec.cols()
            + " matrix (seed " + m_spec.seed() + ")";
    }

    public int rows() {
        return m_rows;
    }

    public int cols() {
        return m_spec.cols();
    }

    /** @return a copy of the measurements y */
    public double[] measurementValues() {
        return m_values.clone();
    }

    /** @return the engine operator with the A_i regenerated from the seed (stored in memory when small) */
    public SensingOperator operator() {
        return m_spec.kind().operator(m_rows, m_spec.cols(), m_spec.measurements(), m_spec.seed(),
            SensingOperator.Storage.AUTO);
    }

    /**
     * @return doubles {@link #operator()} and a constraint view of it hold: all m A_i when the engine
     *         stores them (m x rows x cols at most {@link SensingOperator#STORE_LIMIT}), else one
     *         block of rows x cols scratch matrices for regenerating them; plus Q and the D_i (commuting)
     */
    public long operatorDoubles() {
        return SensingOperator.heldDoubles(m_rows, m_spec.cols(), m_spec.measurements())
            + m_spec.kind().extraDoubles(m_rows, m_spec.measurements());
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addInt(KEY_ROWS, m_rows);
        model.addDoubleArray(KEY_VALUES, m_values);
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        m_spec = (SensingProblemPortObjectSpec)spec;
        m_rows = model.getInt(KEY_ROWS);
        m_values = model.getDoubleArray(KEY_VALUES);
        if (m_spec.kind().squareOnly() && m_rows != m_spec.cols()) {
            throw new InvalidSettingsException("Sensing problem of kind " + m_spec.operator() + " has a non-square "
                + m_rows + " x " + m_spec.cols() + " shape");
        }
        if (m_values.length != m_spec.measurements()) {
            throw new InvalidSettingsException("Sensing problem holds " + m_values.length + " values but its spec says "
                + m_spec.measurements());
        }
    }
}
