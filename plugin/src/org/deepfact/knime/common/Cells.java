package org.deepfact.knime.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;

/**
 * Writes numbers into output tables: the engine's NaN means a value that does not exist (an error
 * without a reference, a metric of no entries, a diverged entry) and becomes a missing cell.
 */
public final class Cells {

    private Cells() {
    }

    /** @return a DoubleCell, or a missing cell for NaN */
    public static DataCell doubleOrMissing(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }
}
