package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;

/**
 * Runs the independent runs of a sweep on a fixed-size thread pool and returns their results in
 * grid order. Each run must be self-contained (its own seed, its own single-threaded engine
 * call), so results do not depend on the thread count or on which worker ran what; the runner
 * only decides when a run starts. Runs start heaviest first (by their weight), which shortens
 * the wall time of a sweep whose runs differ a lot in cost, and does not change any number.
 *
 * <p>Progress: every run reports a fraction through its {@link ProgressCallback}; the sweep's
 * fraction is the weight-averaged fraction of all runs. The listener is called from worker
 * threads, one call at a time, at most every 100 ms and once after every finished run.
 */
public final class SweepRunner {

    /** One run of a sweep. */
    public interface Task<R> {
        /** @return a short label for messages, e.g. "m=2000 depth=3 s=1e-4 repeat=0" */
        String label();

        /** @return relative expected cost, &gt; 0 (only used for progress and start order) */
        double weight();

        /**
         * Runs the task. The callback reports this run's progress and tells it to stop early
         * when another run failed or the sweep was canceled.
         */
        R run(ProgressCallback callback) throws Exception;
    }

    /** Receives the sweep's progress. */
    public interface Listener {
        /**
         * @param fraction weighted fraction done, in [0, 1]
         * @param done finished runs
         * @param total all runs
         * @param lastMessage the latest message of a run, may be empty
         */
        void update(double fraction, int done, int total, String lastMessage);
    }

    /** A run failed; the message names it. */
    public static final class SweepException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SweepException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final long LISTENER_NANOS = 100_000_000L;

    private SweepRunner() {
    }

    /** @return the number of available processors, the default worker count */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param tasks the runs, in grid order
     * @param threads number of workers, &gt;= 1
     * @param listener progress receiver, may be null
     * @param outer cancellation from the caller (its progress is not used), may be null
     * @return one result per task, in the order of {@code tasks}
     * @throws SweepException when a run throws (the others are stopped); names the run
     * @throws OperationCanceledException when {@code outer} cancels
     */
    public static <R> List<R> run(List<? extends Task<R>> tasks, int threads, Listener listener,
            ProgressCallback outer) {
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be >= 1, got " + threads);
        }
        int n = tasks.size();
        ProgressCallback cancelSource = outer == null ? ProgressCallback.NONE : outer;
        double[] weights = new double[n];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            double w = tasks.get(i).weight();
            weights[i] = w > 0 && Double.isFinite(w) ? w : 1;
            totalWeight += weights[i];
        }
        Progress progress = new Progress(weights, totalWeight, listener);
        AtomicBoolean stop = new AtomicBoolean();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -weights[i]));
        AtomicInteger workerId = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "deepfact-sweep-" + workerId.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<R>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(null);
        }
        try {
            for (int i : order) {
                Task<R> task = tasks.get(i);
                ProgressCallback cb = new ProgressCallback() {
                    @Override
                    public void progress(double fraction, String message) {
                        progress.set(i, fraction, message);
                    }

                    @Override
                    public boolean isCanceled() {
                        return stop.get() || cancelSource.isCanceled();
                    }
                };
                futures.set(i, pool.submit(() -> {
                    if (cb.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    try {
                        R r = task.run(cb);
                        progress.finish(i);
                        return r;
                    } catch (Exception | Error e) {
                        stop.set(true);
                        throw e;
                    }
                }));
            }
            List<R> results = new ArrayList<>(n);
            SweepException failure = null;
            for (int i = 0; i < n; i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (failure == null && !(cause instanceof OperationCanceledException)) {
                        failure = new SweepException("Run " + (i + 1) + " of " + n + " (" + tasks.get(i).label()
                                + ") failed: " + cause.getMessage(), cause);
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    throw new OperationCanceledException();
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (cancelSource.isCanceled() && results.contains(null)) {
                throw new OperationCanceledException();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Weighted progress of all runs; serialises listener calls. */
    private static final class Progress {
        private final double[] weights;
        private final double totalWeight;
        private final double[] fractions;
        private final Listener listener;
        private int done;
        private long lastCall;
        private String lastMessage = "";

        Progress(double[] weights, double totalWeight, Listener listener) {
            this.weights = weights;
            this.totalWeight = totalWeight;
            this.fractions = new double[weights.length];
            this.listener = listener;
        }

        synchronized void set(int i, double fraction, String message) {
            if (Double.isFinite(fraction)) {
                fractions[i] = Math.max(fractions[i], Math.min(1, fraction));
            }
            if (message != null) {
                lastMessage = message;
            }
            long now = System.nanoTime();
            if (now - lastCall >= LISTENER_NANOS) {
                notifyListener(now);
            }
        }

        synchronized void finish(int i) {
            fractions[i] = 1;
            done++;
            notifyListener(System.nanoTime());
        }

        private void notifyListener(long now) {
            lastCall = now;
            if (listener == null) {
                return;
            }
            double sum = 0;
            for (int k = 0; k < fractions.length; k++) {
                sum += weights[k] * fractions[k];
            }
            listener.update(totalWeight > 0 ? Math.min(1, sum / totalWeight) : 1, done, fractions.length, lastMessage);
        }
    }
}
