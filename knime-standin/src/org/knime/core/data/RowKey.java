package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code RowKey} class.
 * <p>
 * A non-null string row identifier; {@link #createRowKey(long)} yields {@code "Row" + index} as in KNIME.
 */
public final class RowKey {

    private final String m_id;

    /**
     * @param id the identifier, not null
     */
    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Row key must not be null");
        }
        m_id = id;
    }

    /** @return the identifier */
    public String getString() {
        return m_id;
    }

    /**
     * @param rowIndex the 0-based row index
     * @return the key {@code "Row" + rowIndex}
     */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }
}
