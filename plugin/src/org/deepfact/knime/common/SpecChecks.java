package org.deepfact.knime.common;

import java.util.Arrays;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** configure()-time checks of input specs, each failing with a message naming port, column and setting. */
public final class SpecChecks {

    private SpecChecks() {
    }

    /**
     * @return the table spec at {@code port}
     * @throws InvalidSettingsException when the port is not connected (spec null) or not a table
     */
    public static DataTableSpec tableSpec(final PortObjectSpec[] specs, final int port, final String portName)
        throws InvalidSettingsException {
        final PortObjectSpec s = port < specs.length ? specs[port] : null;
        if (s == null) {
            throw new InvalidSettingsException("No input at port " + port + " (" + portName
                + "): connect a table and execute the upstream node");
        }
        if (!(s instanceof DataTableSpec)) {
            throw new InvalidSettingsException("Port " + port + " (" + portName + ") expects a data table, got "
                + s.getClass().getSimpleName());
        }
        return (DataTableSpec)s;
    }

    /**
     * @param spec the input table spec
     * @param column the selected column name
     * @param settingKey the settings key that selects the column (for the message)
     * @param portName the input port (for the message)
     * @param accepted value classes one of which the column type must be compatible with
     * @return the column index
     * @throws InvalidSettingsException when the column is not selected, missing or of the wrong type
     */
    @SafeVarargs
    public static int column(final DataTableSpec spec, final String column, final String settingKey,
        final String portName, final Class<? extends DataValue>... accepted) throws InvalidSettingsException {
        if (column == null || column.isEmpty()) {
            throw new InvalidSettingsException("No column selected for setting '" + settingKey + "' ("
                + portName + ")");
        }
        final int index = spec.findColumnIndex(column);
        if (index < 0) {
            throw new InvalidSettingsException("Column '" + column + "' (setting '" + settingKey
                + "') is not in the " + portName + " table; available: " + Arrays.toString(spec.getColumnNames()));
        }
        final DataColumnSpec cs = spec.getColumnSpec(index);
        for (final Class<? extends DataValue> c : accepted) {
            if (cs.getType().isCompatible(c)) {
                return index;
            }
        }
        throw new InvalidSettingsException("Column '" + column + "' (setting '" + settingKey + "') in the "
            + portName + " table has type " + cs.getType() + ", expected " + names(accepted));
    }

    private static String names(final Class<?>[] classes) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < classes.length; i++) {
            sb.append(i == 0 ? "" : " or ").append(classes[i].getSimpleName());
        }
        return sb.toString();
    }
}
