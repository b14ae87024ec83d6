package org.deepfact.engine.tensor;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A fixed set of threads that run one job at a time, each on its own share. Threads persist for
 * the run, so an iteration hands out work without creating tasks or futures. With one thread the
 * caller runs the job itself. Which thread does which share never changes the result: every job
 * here writes disjoint outputs whose arithmetic does not depend on the split.
 */
final class WorkerPool implements AutoCloseable {

    /** A job over worker shares 0 .. threads-1. */
    interface Job {
        void run(int worker, int workers);
    }

    private final int threads;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier end;
    private volatile Job job;
    private volatile boolean closed;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        this.threads = threads;
        start = new CyclicBarrier(threads);
        end = new CyclicBarrier(threads);
        workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int id = w;
            workers[w - 1] = new Thread(() -> loop(id), "deepfact-cp-" + w);
            workers[w - 1].setDaemon(true);
            workers[w - 1].start();
        }
    }

    int threads() {
        return threads;
    }

    /** Runs the job on every share and returns when all are done; rethrows a worker's failure. */
    void run(Job j) {
        if (threads == 1) {
            j.run(0, 1);
            return;
        }
        job = j;
        await(start);
        try {
            j.run(0, threads);
        } finally {
            await(end);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            throw f instanceof RuntimeException re ? re : new IllegalStateException(f);
        }
    }

    private void loop(int id) {
        while (true) {
            if (!awaitQuietly(start) || closed) {
                return;
            }
            try {
                job.run(id, threads);
            } catch (Throwable t) { // reported to the caller of run
                failure = t;
            }
            if (!awaitQuietly(end)) {
                return;
            }
        }
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for worker threads", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("Worker threads stopped", e);
        }
    }

    private static boolean awaitQuietly(CyclicBarrier b) {
        try {
            b.await();
            return true;
        } catch (InterruptedException | BrokenBarrierException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        start.reset(); // wakes waiting workers with BrokenBarrierException: they exit
        for (Thread t : workers) {
            t.interrupt();
        }
    }
}
