package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/**
 * Offline stand-in for KNIME's {@code RowAppender} interface.
 * <p>
 * Something rows can be appended to.
 */
public interface RowAppender {

    /**
     * @param row the row to append
     */
    void addRowToTable(DataRow row);
}
