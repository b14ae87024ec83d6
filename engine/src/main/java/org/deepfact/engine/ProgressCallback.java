package org.deepfact.engine;

/**
 * How long-running engine work reports progress and learns that it should stop.
 * The KNIME nodes map it onto an ExecutionMonitor, the command line onto a
 * progress bar. Implementations must be cheap: the engine calls them often
 * (at least every few milliseconds of work).
 */
public interface ProgressCallback {

    /** A callback that ignores progress and never cancels. */
    ProgressCallback NONE = new ProgressCallback() {
        @Override
        public void progress(double fraction, String message) {
            // nothing to report to
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * @param fraction completed fraction in [0, 1], or NaN when unknown
     * @param message short human-readable status, e.g. "iteration 1200 / 100000, loss 3.1e-4"
     */
    void progress(double fraction, String message);

    /** @return true when the caller wants the work to stop as soon as possible */
    boolean isCanceled();

    /** Throws {@link OperationCanceledException} when {@link #isCanceled()} is true. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
