package org.deepfact.knime.port;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What is known about a sensing problem before execution: the operator kind, the number of matrix
 * columns, the number of measurements m and the operator's seed (the number of rows is known only
 * once the ground-truth table has been read, so it lives in {@link SensingProblemPortObject}).
 */
public final class SensingProblemPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Saves and loads the spec in workflows (registered as specSerializer in plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<SensingProblemPortObjectSpec> {
    }

    /** A_i with i.i.d. N(0, 1/(rows*cols)) entries (engine SensingOperator.gaussian): the only kind before 0.3.0. */
    public static final String OPERATOR_GAUSSIAN = "gaussian";

    private static final String KEY_VERSION = "version";

    private static final String KEY_OPERATOR = "operator";

    private static final String KEY_COLS = "cols";

    private static final String KEY_MEASUREMENTS = "measurements";

    private static final String KEY_SEED = "seed";

    private SensingKind m_operator = SensingKind.GAUSSIAN;

    private int m_cols;

    private int m_measurements;

    private long m_seed;

    /** For the serializer only. */
    public SensingProblemPortObjectSpec() {
    }

    /**
     * @param cols number of matrix columns
     * @param measurements number of measurements m
     * @param seed seed of the sensing operator
     */
    public SensingProblemPortObjectSpec(final int cols, final int measurements, final long seed) {
        this(SensingKind.GAUSSIAN, cols, measurements, seed);
    }

    /**
     * @param kind the operator's kind (symmetric_gaussian and commuting: square matrices only)
     * @param cols number of matrix columns
     * @param measurements number of measurements m
     * @param seed seed of the sensing operator
     */
    public SensingProblemPortObjectSpec(final SensingKind kind, final int cols, final int measurements,
        final long seed) {
        if (kind == null) {
            throw new IllegalArgumentException("Sensing operator kind must be given");
        }
        m_operator = kind;
        m_cols = cols;
        m_measurements = measurements;
        m_seed = seed;
    }

    /** @return the operator kind's id, e.g. {@link #OPERATOR_GAUSSIAN} */
    public String operator() {
        return m_operator.id();
    }

    /** @return the operator kind */
    public SensingKind kind() {
        return m_operator;
    }

    public int cols() {
        return m_cols;
    }

    /** @return number of measurements m */
    public int measurements() {
        return m_measurements;
    }

    /** @return seed from which the engine regenerates every A_i */
    public long seed() {
        return m_seed;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(KEY_VERSION, 1);
        model.addString(KEY_OPERATOR, m_operator.id());
        model.addInt(KEY_COLS, m_cols);
        model.addInt(KEY_MEASUREMENTS, m_measurements);
        model.addLong(KEY_SEED, m_seed);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final int version = model.getInt(KEY_VERSION);
        if (version != 1) {
            throw new InvalidSettingsException("Sensing problem saved by a newer DeepFact (format " + version
                + "); update DeepFact to read it");
        }
        // every port saved before 0.3.0 is gaussian (and says so; a missing field means the same)
        final String operator = model.getString(KEY_OPERATOR, OPERATOR_GAUSSIAN);
        try {
            m_operator = SensingKind.parse(operator);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " in a sensing problem; update DeepFact to read it",
                e);
        }
        m_cols = model.getInt(KEY_COLS);
        m_measurements = model.getInt(KEY_MEASUREMENTS);
        m_seed = model.getLong(KEY_SEED);
    }

    @Override
    public String toString() {
        return "Sensing problem: " + m_measurements + " " + m_operator.id() + " measurements of a matrix with " + m_cols
            + " columns, seed " + m_seed;
    }
}
