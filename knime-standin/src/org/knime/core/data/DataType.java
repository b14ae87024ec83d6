package org.knime.core.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline stand-in for KNIME's {@code DataType} class.
 * <p>
 * A type is identified by its cell class. A type is compatible with a value interface if its cell class implements
 * it. The missing cell is a single shared instance whose {@link DataCell#isMissing()} is true. No renderers,
 * comparators or collection types.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private static final DataCell MISSING = new StandinMissingCell();

    private final Class<? extends DataCell> m_cellClass;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
    }

    /**
     * @param cell the cell class
     * @return the (shared) type for this cell class
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("Cell class must not be null");
        }
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    /** @return the missing cell (a singleton) */
    public static DataCell getMissingCell() {
        return MISSING;
    }

    /** @return the cell class of this type */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type implement it
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass.equals(m_cellClass);
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        String name = m_cellClass.getSimpleName();
        return name.endsWith("Cell") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    }

    /** The stand-in's missing cell. */
    private static final class StandinMissingCell extends DataCell implements MissingValue {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "?";
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
