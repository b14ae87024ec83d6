package org.deepfact.knime.port;

import org.deepfact.engine.model.Factorization;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What is known about a trained deep factorization before execution: its depth and how the
 * training entries named rows and columns ({@code index}: 0-based indices; {@code id}: arbitrary
 * keys), so that the Predictor can check its pairs table in configure, and (since 0.3.0) the
 * factorization: general W = W_N ... W_1, or symmetric W = P P^T whose stored factors are P's N/2.
 * A spec saved before 0.3.0 has no factorization and loads as general. The shape and the factors
 * are known only after training and live in {@link DeepFactorizationModelPortObject}.
 */
public final class DeepFactorizationModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Saves and loads the spec in workflows (registered as specSerializer in plugin.xml). */
    public static final class Serializer
        extends AbstractSimplePortObjectSpecSerializer<DeepFactorizationModelPortObjectSpec> {
    }

    /** Rows and columns named by 0-based indices. */
    public static final String KEYS_INDEX = "index";

    /** Rows and columns named by arbitrary keys (IDs), mapped to indices in sorted order. */
    public static final String KEYS_ID = "id";

    private static final String KEY_VERSION = "version";

    /**
     * Format 1: general models (also what DeepFact before 0.3.0 reads); format 2: symmetric models, so
     * that a DeepFact before 0.3.0 refuses them ("saved by a newer DeepFact (format 2)") rather than
     * reading P's factors as a general chain.
     */
    private static final int VERSION_GENERAL = 1;

    private static final int VERSION_SYMMETRIC = 2;

    private static final String KEY_DEPTH = "depth";

    private static final String KEY_KEYS = "key_mode";

    /** Added in 0.3.0 (absent in older saved models: general). */
    private static final String KEY_FACTORIZATION = "factorization";

    private int m_depth;

    private String m_keyMode = KEYS_INDEX;

    private Factorization m_factorization = Factorization.GENERAL;

    /** For the serializer only. */
    public DeepFactorizationModelPortObjectSpec() {
    }

    /**
     * @param depth number of factors N
     * @param keyMode {@link #KEYS_INDEX} or {@link #KEYS_ID}
     */
    public DeepFactorizationModelPortObjectSpec(final int depth, final String keyMode) {
        this(depth, keyMode, Factorization.GENERAL);
    }

    /**
     * @param depth end-to-end depth N (symmetric: P holds N/2 factors)
     * @param keyMode {@link #KEYS_INDEX} or {@link #KEYS_ID}
     * @param factorization general or symmetric
     */
    public DeepFactorizationModelPortObjectSpec(final int depth, final String keyMode,
        final Factorization factorization) {
        if (factorization == null) {
            throw new IllegalArgumentException("Factorization must be given");
        }
        m_factorization = factorization;
        if (!KEYS_INDEX.equals(keyMode) && !KEYS_ID.equals(keyMode)) {
            throw new IllegalArgumentException("Unknown key mode '" + keyMode + "'");
        }
        m_depth = depth;
        m_keyMode = keyMode;
    }

    /** @return the end-to-end depth N (the number of stored factors for general, twice it for symmetric) */
    public int depth() {
        return m_depth;
    }

    /** @return general, or symmetric W = P P^T (general for a model saved before 0.3.0) */
    public Factorization factorization() {
        return m_factorization;
    }

    /** @return {@link #KEYS_INDEX} or {@link #KEYS_ID} */
    public String keyMode() {
        return m_keyMode;
    }

    /** @return true when rows and columns are named by arbitrary keys */
    public boolean isIdMode() {
        return KEYS_ID.equals(m_keyMode);
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt(KEY_VERSION, m_factorization == Factorization.SYMMETRIC ? VERSION_SYMMETRIC : VERSION_GENERAL);
        model.addInt(KEY_DEPTH, m_depth);
        model.addString(KEY_KEYS, m_keyMode);
        model.addString(KEY_FACTORIZATION, m_factorization.id());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        final int version = model.getInt(KEY_VERSION);
        if (version > VERSION_SYMMETRIC) {
            throw new InvalidSettingsException("Deep factorization model saved by a newer DeepFact (format "
                + version + "); update DeepFact to read it");
        }
        if (version < VERSION_GENERAL) {
            throw new InvalidSettingsException("Unknown deep factorization model format " + version);
        }
        m_depth = model.getInt(KEY_DEPTH);
        m_keyMode = model.getString(KEY_KEYS);
        if (!KEYS_INDEX.equals(m_keyMode) && !KEYS_ID.equals(m_keyMode)) {
            throw new InvalidSettingsException("Unknown key mode '" + m_keyMode + "' in a deep factorization model");
        }
        try {
            m_factorization = Factorization.parse(model.getString(KEY_FACTORIZATION, Factorization.GENERAL.id()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " in a deep factorization model", e);
        }
    }

    @Override
    public String toString() {
        return "Deep factorization model: depth " + m_depth + " (" + m_factorization.id()
            + "), rows and columns by " + m_keyMode;
    }
}
