package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's {@code DataTableSpec} class.
 * <p>
 * An immutable, ordered list of column specs with unique names; duplicate names are rejected with an
 * {@link IllegalArgumentException} as in KNIME. {@link #equals(Object)} compares the columns' domains too, as KNIME's
 * does; {@link #equalStructure(DataTableSpec)} only names and types. No properties; {@link #getViews()} returns no
 * views.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index;

    /**
     * @param colSpecs the columns; names must be unique
     */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    /**
     * @param name the table name
     * @param colSpecs the columns; names must be unique
     */
    private DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name == null ? DEFAULT_NAME : name;
        m_columns = colSpecs.clone();
        m_index = new HashMap<>();
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i] == null) {
                throw new NullPointerException("Column spec at " + i + " is null");
            }
            if (m_index.put(m_columns[i].getName(), i) != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName() + "\"");
            }
        }
    }

    /**
     * @param names column names, unique
     * @param types column types, same length
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, toSpecs(names, types));
    }

    private static DataColumnSpec[] toSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Names and types differ in length");
        }
        final DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columns.length;
    }

    /**
     * @param index column index
     * @return the column spec
     * @throws ArrayIndexOutOfBoundsException if the index is out of range
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    /**
     * @param column column name
     * @return the column spec or null if there is no such column
     */
    public DataColumnSpec getColumnSpec(final String column) {
        final Integer i = m_index.get(column);
        return i == null ? null : m_columns[i];
    }

    /**
     * @param columnName column name
     * @return its index or -1
     */
    public int findColumnIndex(final String columnName) {
        final Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    /**
     * @param columnName column name
     * @return whether such a column exists
     */
    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        final String[] names = new String[m_columns.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = m_columns[i].getName();
        }
        return names;
    }

    /**
     * @param spec another table spec
     * @return whether both have the same column names and types in the same order (domains are not compared)
     */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == this) {
            return true;
        }
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columns)).iterator();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && Arrays.equals(((DataTableSpec)obj).m_columns, m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + Arrays.toString(m_columns);
    }
}
