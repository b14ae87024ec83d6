package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.util.DuplicateKeyException;

/**
 * Offline stand-in for KNIME's {@code DataContainer} class.
 * <p>
 * Collects rows in memory in insertion order. Rows must have as many cells as the spec has columns
 * ({@link IllegalArgumentException} otherwise) and unique keys ({@link DuplicateKeyException}, raised immediately
 * rather than at close as KNIME may do). After {@link #close()} no rows are accepted ({@link IllegalStateException});
 * {@link #getTable()} is only available after close. Cell types are not checked against column types and no domain
 * is computed.
 */
public class DataContainer implements RowAppender {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private boolean m_closed;

    private DataTable m_table;

    /**
     * @param spec the spec of the table to build, not null
     */
    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /**
     * @param spec the spec of the table to build, not null
     * @param initDomain ignored by the stand-in (no domains)
     */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null");
        }
        m_spec = spec;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Container is closed; cannot add rows");
        }
        if (row == null) {
            throw new NullPointerException("Row must not be null");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" (" + row.getNumCells()
                + ") is not equal to the number of columns in the spec (" + m_spec.getNumColumns() + ")");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            if (row.getCell(i) == null) {
                throw new NullPointerException("Cell " + i + " of row \"" + row.getKey() + "\" is null");
            }
        }
        final String key = row.getKey().getString();
        if (!m_keys.add(key)) {
            throw new DuplicateKeyException(key);
        }
        m_rows.add(row);
    }

    /** Closes the container; further rows are refused. Repeated calls are ignored. */
    public void close() {
        if (!m_closed) {
            m_closed = true;
            m_table = new InMemoryTable(m_spec, Collections.unmodifiableList(new ArrayList<>(m_rows)));
        }
    }

    /**
     * @return the finished table
     * @throws IllegalStateException if the container is not closed yet
     */
    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Container is not closed");
        }
        return m_table;
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
