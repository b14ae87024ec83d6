package org.deepfact.engine.train;

import java.util.List;

/**
 * Where early stopping would have stopped: the history record with the lowest held-out error
 * (or, without held-out entries, the lowest reconstruction error). With noisy observations the
 * train loss keeps falling while the error on what was not fitted turns back up; this is its
 * minimum over the recorded iterations.
 *
 * @param iteration the record's iteration
 * @param error its held-out (else reconstruction) error
 * @param heldOut whether {@code error} is the held-out error
 */
public record BestRecord(long iteration, double error, boolean heldOut) {

    /** @return the best record, or null when no record has a finite held-out or reconstruction error */
    public static BestRecord of(List<HistoryRecord> history) {
        boolean heldOut = false;
        for (HistoryRecord r : history) {
            heldOut |= Double.isFinite(r.heldOutError());
        }
        BestRecord best = null;
        for (HistoryRecord r : history) {
            double e = error(r, heldOut);
            if (Double.isFinite(e) && (best == null || e < best.error())) { // first of equal minima
                best = new BestRecord(r.iteration(), e, heldOut);
            }
        }
        return best;
    }

    /** @return the error this best point was chosen by, at another record (e.g. the last one) */
    public double errorAt(HistoryRecord r) {
        return error(r, heldOut);
    }

    private static double error(HistoryRecord r, boolean heldOut) {
        return heldOut ? r.heldOutError() : r.reconstructionError();
    }
}
