package org.knime.core.node;

import javax.swing.JComponent;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Offline stand-in for KNIME's {@code BufferedDataTable} class.
 * <p>
 * An immutable in-memory table created through {@link ExecutionContext} / {@link BufferedDataContainer}; rows
 * iterate in insertion order, as often as needed. No disc buffering, no views.
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** Port type of data tables. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    /** Port type of optional data table inputs. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTable m_delegate;

    private final long m_size;

    /* package-private like KNIME's constructors: tables are made by containers and contexts */
    BufferedDataTable(final DataTable delegate, final long size) {
        m_delegate = delegate;
        m_size = size;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_delegate.getDataTableSpec();
    }

    @Override
    public DataTableSpec getSpec() {
        return getDataTableSpec();
    }

    @Override
    public String getSummary() {
        return "Rows: " + size() + ", Cols: " + getDataTableSpec().getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        return (CloseableRowIterator)m_delegate.iterator();
    }

    /** @return the number of rows */
    public long size() {
        return m_size;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
