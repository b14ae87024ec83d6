package org.deepfact.engine.train;

import org.ejml.data.DMatrixRMaj;

/**
 * Sees each history record together with the end-to-end matrix it was computed from, for
 * experiments that need more of W than the record keeps (e.g. one entry of W over time).
 */
@FunctionalInterface
public interface RecordListener {

    /** Does nothing. */
    RecordListener NONE = (record, endToEnd) -> { };

    /**
     * @param endToEnd W = W_N ... W_1 at the record's iteration; the trainer reuses this matrix,
     *        so copy what you keep and do not modify it
     */
    void recorded(HistoryRecord record, DMatrixRMaj endToEnd);
}
