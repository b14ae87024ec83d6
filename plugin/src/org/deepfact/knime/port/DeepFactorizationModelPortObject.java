package org.deepfact.knime.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deepfact.engine.model.Factorization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * A trained deep factorization W = W_N ... W_1, or (spec's {@link Factorization#SYMMETRIC}, since
 * 0.3.0) W = P P^T with P = W_{N/2} ... W_1: the completed matrix W exactly as the Learner
 * output it (so predictions equal the completed matrix bit for bit), the factors (P's for
 * symmetric; {@link #productOfFactors} multiplies them out accordingly), the keys of the
 * rows and columns (in index order, for ID keys), and the training configuration and run summary
 * as (name, value) texts. Saved with the workflow; at most {@link #MAX_DOUBLES} numbers, checked
 * before anything is written ({@link #requireStorable}): a larger model is kept as an
 * {@link #unstored} model (shape, summary and the reason only), which the Predictor refuses.
 */
public final class DeepFactorizationModelPortObject extends AbstractSimplePortObject {

    /** Saves and loads the port object in workflows (registered as objectSerializer in plugin.xml). */
    public static final class Serializer
        extends AbstractSimplePortObjectSerializer<DeepFactorizationModelPortObject> {
    }

    /** The port type (registered at org.knime.core.PortType in plugin.xml). */
    public static final PortType TYPE =
        PortTypeRegistry.getInstance().getPortType(DeepFactorizationModelPortObject.class);

    /** Largest number of doubles (completed matrix plus factors) a model holds: 20 million, 160 MB. */
    public static final long MAX_DOUBLES = 20_000_000L;

    /** A key of an ID-mode axis: its kind (Long, Double, String) and its exact text. */
    private static final int KIND_LONG = 0;

    private static final int KIND_DOUBLE = 1;

    private static final int KIND_STRING = 2;

    private DeepFactorizationModelPortObjectSpec m_spec;

    private DMatrixRMaj m_matrix;

    private List<DMatrixRMaj> m_factors;

    private List<Object> m_rowKeys;

    private List<Object> m_colKeys;

    private Map<String, String> m_info;

    private int m_rows;

    private int m_cols;

    /** Why the matrix and factors are not held, or null when they are. */
    private String m_notStored;

    /** For the serializer only. */
    public DeepFactorizationModelPortObject() {
    }

    /**
     * @param matrix the completed matrix (copied)
     * @param factors W_1 .. W_N (copied)
     * @param rowKeys keys of rows 0..rows-1 (Long, Double or String), or null for index keys
     * @param colKeys keys of columns 0..cols-1, or null for index keys
     * @param info training configuration and summary, in display order
     * @throws IllegalArgumentException when the model is larger than {@link #MAX_DOUBLES} or inconsistent
     */
    public DeepFactorizationModelPortObject(final DeepFactorizationModelPortObjectSpec spec, final DMatrixRMaj matrix,
        final List<DMatrixRMaj> factors, final List<?> rowKeys, final List<?> colKeys,
        final Map<String, String> info) {
        final int[] dims = new int[factors.size() + 1];
        for (int j = 0; j < factors.size(); j++) {
            dims[j] = factors.get(j).numCols;
            dims[j + 1] = factors.get(j).numRows;
        }
        requireStorable(matrix.numRows, matrix.numCols, factors.isEmpty() ? null : dims);
        if (spec.factorization() == Factorization.SYMMETRIC && !factors.isEmpty()) {
            requireFactorsOfP(spec.depth(), matrix, factors);
        }
        if ((rowKeys == null) != !spec.isIdMode() || (colKeys == null) != !spec.isIdMode()) {
            throw new IllegalArgumentException("Keys must be given exactly in ID mode");
        }
        if (rowKeys != null && (rowKeys.size() != matrix.numRows || colKeys.size() != matrix.numCols)) {
            throw new IllegalArgumentException("Expected " + matrix.numRows + " row and " + matrix.numCols
                + " column keys, got " + rowKeys.size() + " and " + colKeys.size());
        }
        m_spec = spec;
        m_rows = matrix.numRows;
        m_cols = matrix.numCols;
        m_matrix = matrix.copy();
        m_factors = new ArrayList<>();
        for (final DMatrixRMaj f : factors) {
            m_factors.add(f.copy());
        }
        m_rowKeys = rowKeys == null ? null : List.copyOf(rowKeys);
        m_colKeys = colKeys == null ? null : List.copyOf(colKeys);
        m_info = new LinkedHashMap<>(info);
    }

    /**
     * A symmetric model's factors are P's (P = W_{N/2} ... W_1, rows x d_0 with d_0 = rows), so that
     * {@link #productOfFactors} can form P P^T; none at all is allowed (a diverged run keeps none).
     *
     * @throws IllegalArgumentException naming the count or the first shape that does not fit
     */
    private static void requireFactorsOfP(final int depth, final DMatrixRMaj matrix,
        final List<DMatrixRMaj> factors) {
        final int rows = matrix.numRows;
        if (matrix.numCols != rows) {
            throw new IllegalArgumentException("A symmetric model's matrix W = P P^T must be square, got " + rows
                + " x " + matrix.numCols);
        }
        if (depth % 2 != 0 || factors.size() != depth / 2) {
            throw new IllegalArgumentException("A symmetric model of depth " + depth + " needs depth / 2 factors of"
                + " P (and an even depth), got " + factors.size());
        }
        if (factors.get(0).numCols != rows) {
            throw new IllegalArgumentException("P's first factor W_1 must have d_0 = " + rows + " columns (the matrix"
                + " rows), got " + factors.get(0).numRows + " x " + factors.get(0).numCols);
        }
        for (int j = 1; j < factors.size(); j++) {
            if (factors.get(j).numCols != factors.get(j - 1).numRows) {
                throw new IllegalArgumentException("P's factors do not chain: W_" + j + " is "
                    + factors.get(j - 1).numRows + " x " + factors.get(j - 1).numCols + " but W_" + (j + 1) + " is "
                    + factors.get(j).numRows + " x " + factors.get(j).numCols);
            }
        }
        final DMatrixRMaj last = factors.get(factors.size() - 1);
        if (last.numRows != rows) {
            throw new IllegalArgumentException("P = W_" + factors.size() + " ... W_1 must have " + rows
                + " rows (the matrix rows), got " + last.numRows);
        }
    }

    /**
     * @param reason why the model is not stored, e.g. the message of {@link #requireStorable}
     * @return a model of the shape and summary only, without matrix, factors and keys
     */
    public static DeepFactorizationModelPortObject unstored(final DeepFactorizationModelPortObjectSpec spec,
        final int rows, final int cols, final Map<String, String> info, final String reason) {
        final DeepFactorizationModelPortObject m = new DeepFactorizationModelPortObject();
        m.m_spec = spec;
        m.m_rows = rows;
        m.m_cols = cols;
        m.m_factors = new ArrayList<>();
        m.m_info = new LinkedHashMap<>(info);
        m.m_notStored = reason;
        return m;
    }

    /** @return why the matrix and factors are not held, or null when they are */
    public String notStoredReason() {
        return m_notStored;
    }

    /**
     * @param dims d_0 .. d_N of the factors (W_j is d_j x d_{j-1}), or null for none
     * @throws IllegalArgumentException naming the sizes when the model would exceed {@link #MAX_DOUBLES}
     */
    public static void requireStorable(final long rows, final long cols, final int[] dims) {
        long n = rows * cols;
        for (int j = 1; dims != null && j < dims.length; j++) {
            n += (long)dims[j] * dims[j - 1];
        }
        if (n > MAX_DOUBLES) {
            throw new IllegalArgumentException("The model of a " + rows + " x " + cols + " matrix would hold " + n
                + " numbers (completed matrix and factors), more than the " + MAX_DOUBLES
                + " a workflow stores in a model port");
        }
    }

    @Override
    public DeepFactorizationModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "Depth-" + m_spec.depth() + (factorization() == Factorization.SYMMETRIC ? " symmetric (W = P P^T)" : "")
            + " factorization of a " + rows() + " x " + cols() + " matrix ("
            + m_info.getOrDefault("stop_reason", "?") + " after " + m_info.getOrDefault("iterations", "?")
            + " iterations)";
    }

    public int rows() {
        return m_rows;
    }

    /** @return general or symmetric (from the spec; general for a model saved before 0.3.0) */
    public Factorization factorization() {
        return m_spec.factorization();
    }

    /**
     * W rebuilt from the stored factors: W_N ... W_1, or P P^T with P = W_K ... W_1 for the
     * symmetric factorization. Equals {@link #matrix()} up to rounding (the engine's kernels sum in
     * another order); consumers that need the Learner's exact numbers use {@link #matrix()}.
     *
     * @return a new rows x cols matrix, or null when no factors are held (unstored or diverged model)
     */
    public DMatrixRMaj productOfFactors() {
        if (m_factors.isEmpty()) {
            return null;
        }
        DMatrixRMaj chain = m_factors.get(0).copy();
        for (int j = 1; j < m_factors.size(); j++) {
            DMatrixRMaj next = new DMatrixRMaj(m_factors.get(j).numRows, chain.numCols);
            CommonOps_DDRM.mult(m_factors.get(j), chain, next);
            chain = next;
        }
        if (factorization() == Factorization.SYMMETRIC) {
            DMatrixRMaj w = new DMatrixRMaj(chain.numRows, chain.numRows);
            CommonOps_DDRM.multTransB(chain, chain, w);
            return w;
        }
        return chain;
    }

    public int cols() {
        return m_cols;
    }

    /** @return the completed matrix (shared: do not modify), or null for an {@link #unstored} model */
    public DMatrixRMaj matrix() {
        return m_matrix;
    }

    /** @return W_1 .. W_N, or P's W_1 .. W_{N/2} for the symmetric factorization (shared: do not modify) */
    public List<DMatrixRMaj> factors() {
        return Collections.unmodifiableList(m_factors);
    }

    /** @return the row keys in index order, or null for index keys */
    public List<Object> rowKeys() {
        return m_rowKeys;
    }

    /** @return the column keys in index order, or null for index keys */
    public List<Object> colKeys() {
        return m_colKeys;
    }

    /** @return training configuration and summary as (name, value) texts */
    public Map<String, String> info() {
        return Collections.unmodifiableMap(m_info);
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addInt("rows", rows());
        model.addInt("cols", cols());
        model.addString("not_stored", m_notStored);
        model.addDoubleArray("matrix", m_matrix == null ? new double[0] : m_matrix.data);
        model.addInt("factors", m_factors.size());
        for (int j = 0; j < m_factors.size(); j++) {
            exec.checkCanceled();
            final DMatrixRMaj f = m_factors.get(j);
            model.addIntArray("factor_" + (j + 1) + "_shape", f.numRows, f.numCols);
            model.addDoubleArray("factor_" + (j + 1), f.data);
        }
        if (m_rowKeys != null) {
            saveKeys(model, "row_keys", m_rowKeys);
            saveKeys(model, "column_keys", m_colKeys);
        }
        model.addStringArray("info_names", m_info.keySet().toArray(new String[0]));
        model.addStringArray("info_values", m_info.values().toArray(new String[0]));
    }

    private static void saveKeys(final ModelContentWO model, final String name, final List<Object> keys) {
        final int[] kinds = new int[keys.size()];
        final String[] texts = new String[keys.size()];
        for (int i = 0; i < kinds.length; i++) {
            final Object k = keys.get(i);
            kinds[i] = k instanceof Long ? KIND_LONG : k instanceof Double ? KIND_DOUBLE : KIND_STRING;
            texts[i] = k.toString();
        }
        model.addIntArray(name + "_kinds", kinds);
        model.addStringArray(name, texts);
    }

    private static List<Object> loadKeys(final ModelContentRO model, final String name, final int n)
        throws InvalidSettingsException {
        final int[] kinds = model.getIntArray(name + "_kinds");
        final String[] texts = model.getStringArray(name);
        if (kinds.length != n || texts.length != n) {
            throw new InvalidSettingsException("Deep factorization model: " + name + " holds " + texts.length
                + " keys, expected " + n);
        }
        final List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(kinds[i] == KIND_LONG ? (Object)Long.valueOf(texts[i])
                : kinds[i] == KIND_DOUBLE ? (Object)Double.valueOf(texts[i]) : texts[i]);
        }
        return out;
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        m_spec = (DeepFactorizationModelPortObjectSpec)spec;
        final int rows = model.getInt("rows");
        final int cols = model.getInt("cols");
        m_rows = rows;
        m_cols = cols;
        m_notStored = model.getString("not_stored");
        final double[] data = model.getDoubleArray("matrix");
        if (m_notStored == null && (rows < 1 || cols < 1 || data.length != (long)rows * cols)) {
            throw new InvalidSettingsException("Deep factorization model: " + data.length
                + " matrix values for a " + rows + " x " + cols + " matrix");
        }
        m_matrix = m_notStored == null ? DMatrixRMaj.wrap(rows, cols, data) : null;
        m_factors = new ArrayList<>();
        final int n = model.getInt("factors");
        for (int j = 1; j <= n; j++) {
            exec.checkCanceled();
            final int[] shape = model.getIntArray("factor_" + j + "_shape");
            final double[] f = model.getDoubleArray("factor_" + j);
            if (shape.length != 2 || f.length != (long)shape[0] * shape[1]) {
                throw new InvalidSettingsException("Deep factorization model: factor " + j + " is damaged");
            }
            m_factors.add(DMatrixRMaj.wrap(shape[0], shape[1], f));
        }
        m_rowKeys = m_spec.isIdMode() && m_notStored == null ? loadKeys(model, "row_keys", rows) : null;
        m_colKeys = m_spec.isIdMode() && m_notStored == null ? loadKeys(model, "column_keys", cols) : null;
        final String[] names = model.getStringArray("info_names");
        final String[] values = model.getStringArray("info_values");
        m_info = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            m_info.put(names[i], values[i]);
        }
    }
}
