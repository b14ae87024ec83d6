package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.RowIterator;
import org.knime.core.util.DuplicateKeyException;

/**
 * Offline stand-in for KNIME's {@code DataContainer} class.
 * <p>
 * Collects rows in memory in insertion order and, as KNIME does by default, computes the domain of every column while
 * rows are added: lower and upper bound of {@link BoundedValue} columns (numbers, booleans; missing cells and NaN are
 * ignored) and the possible values of {@link NominalValue} columns (strings, booleans; in the order first seen, unknown
 * once there are more than {@value #MAX_POSSIBLE_VALUES}). With {@code initDomain} the domain of the given spec is the
 * starting point and is kept for other columns; without, it is replaced.
 * <p>
 * Rows must have as many cells as the spec has columns and unique keys. Like KNIME's asynchronous container, the
 * stand-in reports a bad row late: {@link #close()} throws a {@link DataContainerException} (wrong row width) or a
 * {@link DuplicateKeyException} for the first bad row, which is not added. KNIME may report it earlier, so callers
 * must not rely on either moment. After {@link #close()} no rows are accepted ({@link IllegalStateException});
 * {@link #getTable()} is only available after a successful close. Cell types are not checked against column types.
 */
public class DataContainer implements RowAppender {

    /** KNIME's default maximum number of possible values a column domain keeps. */
    private static final int MAX_POSSIBLE_VALUES = 60;

    private final DataTableSpec m_spec;

    private final boolean m_initDomain;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private final ColumnDomain[] m_domains;

    private RuntimeException m_firstError;

    private boolean m_closed;

    private DataTable m_table;

    /**
     * @param spec the spec of the table to build, not null; its domains are replaced by the computed ones
     */
    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /**
     * @param spec the spec of the table to build, not null
     * @param initDomain whether the computed domains extend those of the spec (true) or replace them (false)
     */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null");
        }
        m_spec = spec;
        m_initDomain = initDomain;
        m_domains = new ColumnDomain[spec.getNumColumns()];
        for (int i = 0; i < m_domains.length; i++) {
            m_domains[i] = new ColumnDomain(spec.getColumnSpec(i), initDomain);
        }
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Container is closed; cannot add rows");
        }
        if (row == null) {
            throw new NullPointerException("Row must not be null");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            if (row.getCell(i) == null) {
                throw new NullPointerException("Cell " + i + " of row \"" + row.getKey() + "\" is null");
            }
        }
        if (m_firstError != null) {
            return;
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            final String msg = "Cell count in row \"" + row.getKey() + "\" is not equal to length of column names "
                + "array: " + row.getNumCells() + " vs. " + m_spec.getNumColumns();
            m_firstError = new DataContainerException(msg, new IllegalArgumentException(msg));
            return;
        }
        final String key = row.getKey().getString();
        if (!m_keys.add(key)) {
            m_firstError = new DuplicateKeyException("Encountered duplicate row ID \"" + key + "\"", key);
            return;
        }
        for (int i = 0; i < m_domains.length; i++) {
            m_domains[i].update(row.getCell(i));
        }
        m_rows.add(row);
    }

    /**
     * Closes the container; further rows are refused. Repeated calls are ignored.
     *
     * @throws DataContainerException if a row had the wrong number of cells
     * @throws DuplicateKeyException if a row key repeated
     */
    public void close() {
        if (m_closed) {
            return;
        }
        m_closed = true;
        if (m_firstError != null) {
            throw m_firstError;
        }
        final DataColumnSpec[] columns = new DataColumnSpec[m_domains.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = m_domains[i].createSpec(m_initDomain);
        }
        m_table = new InMemoryTable(new DataTableSpec(columns), Collections.unmodifiableList(new ArrayList<>(m_rows)));
    }

    /**
     * @return the finished table
     * @throws IllegalStateException if the container is not closed yet (or closing failed)
     */
    public DataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Container is not closed");
        }
        return m_table;
    }

    /** The domain of one column as computed so far. */
    private static final class ColumnDomain {
        private final DataColumnSpec m_column;

        private final boolean m_bounded;

        private Set<DataCell> m_values;

        private DataCell m_lower;

        private DataCell m_upper;

        ColumnDomain(final DataColumnSpec column, final boolean initDomain) {
            m_column = column;
            m_bounded = column.getType().isCompatible(BoundedValue.class);
            final DataColumnDomain start = column.getDomain();
            if (column.getType().isCompatible(NominalValue.class)) {
                m_values = new LinkedHashSet<>();
                if (initDomain && start.hasValues()) {
                    m_values.addAll(start.getValues());
                }
            }
            if (m_bounded && initDomain) {
                m_lower = start.getLowerBound();
                m_upper = start.getUpperBound();
            }
        }

        void update(final DataCell cell) {
            if (cell.isMissing()) {
                return;
            }
            if (m_values != null && m_values.add(cell) && m_values.size() > MAX_POSSIBLE_VALUES) {
                m_values = null;
            }
            if (!m_bounded || cell instanceof DoubleValue && Double.isNaN(((DoubleValue)cell).getDoubleValue())) {
                return;
            }
            if (m_lower == null || compare(cell, m_lower) < 0) {
                m_lower = cell;
            }
            if (m_upper == null || compare(cell, m_upper) > 0) {
                m_upper = cell;
            }
        }

        /** Numbers and booleans by value, as KNIME's comparators of those types order them. */
        private static int compare(final DataCell a, final DataCell b) {
            if (a instanceof LongValue && b instanceof LongValue) {
                return Long.compare(((LongValue)a).getLongValue(), ((LongValue)b).getLongValue());
            }
            if (a instanceof DoubleValue && b instanceof DoubleValue) {
                return Double.compare(((DoubleValue)a).getDoubleValue(), ((DoubleValue)b).getDoubleValue());
            }
            return 0;
        }

        DataColumnSpec createSpec(final boolean initDomain) {
            final DataColumnDomainCreator domain = initDomain ? new DataColumnDomainCreator(m_column.getDomain())
                : new DataColumnDomainCreator();
            if (m_column.getType().isCompatible(NominalValue.class)) {
                domain.setValues(m_values);
            }
            if (m_bounded) {
                domain.setLowerBound(m_lower);
                domain.setUpperBound(m_upper);
            }
            final DataColumnSpecCreator creator = new DataColumnSpecCreator(m_column);
            creator.setDomain(domain.createDomain());
            return creator.createSpec();
        }
    }

    /** Immutable in-memory table. */
    private static final class InMemoryTable implements DataTable {
        private final DataTableSpec m_tableSpec;

        private final List<DataRow> m_tableRows;

        InMemoryTable(final DataTableSpec spec, final List<DataRow> rows) {
            m_tableSpec = spec;
            m_tableRows = rows;
        }

        @Override
        public DataTableSpec getDataTableSpec() {
            return m_tableSpec;
        }

        @Override
        public RowIterator iterator() {
            final Iterator<DataRow> it = m_tableRows.iterator();
            return new CloseableRowIterator() {
                private boolean m_itClosed;

                @Override
                public boolean hasNext() {
                    return !m_itClosed && it.hasNext();
                }

                @Override
                public DataRow next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return it.next();
                }

                @Override
                public void close() {
                    m_itClosed = true;
                }
            };
        }
    }
}
