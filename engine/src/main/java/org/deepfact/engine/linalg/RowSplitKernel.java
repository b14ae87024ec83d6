package org.deepfact.engine.linalg;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.ejml.data.DMatrixRMaj;

/**
 * What both dense kernels share: shape checks, the split of output rows across threads, and
 * cancellation. A subclass computes a range of output rows; it must give every output element
 * the same arithmetic whatever the range, so the partition cannot change a bit.
 *
 * <p>Arithmetic of every kernel (the contract that makes the vector kernel and the plain-Java one
 * agree bit for bit): c_ij = fma(a_i,K-1 b_K-1,j, ... fma(a_i1 b_1j, fma(a_i0 b_0j, +0.0))), one
 * {@link Math#fma} per k in ascending k. Blocking, packing and vector width only change which
 * elements are computed together, never an element's chain.
 *
 * <p>Cancellation: with a {@link ProgressCallback}, products of at least
 * {@link #PARALLEL_THRESHOLD} multiply-adds poll it between row blocks and throw
 * {@link OperationCanceledException}; the output is then partly written. Only the calling thread
 * polls (workers see a volatile flag), and the poll only decides whether to go on, so a product
 * that completes has the same numbers.
 */
abstract class RowSplitKernel implements DenseKernel {

    /** Below this many multiply-adds a product runs on the caller thread (handoff costs ~10 us). */
    static final long PARALLEL_THRESHOLD = 1L << 20;

    /** One product c = op(a) op(b): the operands and which of them are read transposed. */
    record Product(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean transA, boolean transB, int inner) {

        /** @return op(a)[i][k] */
        double a(int i, int k) {
            return transA ? a.data[k * a.numCols + i] : a.data[i * a.numCols + k];
        }
    }

    private final int threads;
    private final ProgressCallback cancel;
    /** Set by the calling thread when the callback cancels; workers stop at their next row block. */
    private volatile boolean abort;
    private final ExecutorService pool;

    RowSplitKernel(int threads, ProgressCallback cancel) {
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.cancel = cancel == null ? ProgressCallback.NONE : cancel;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "deepfact-kernel");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public final int threads() {
        return threads;
    }

    @Override
    public final void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DenseKernel.checkShapes(a.numRows, a.numCols, b.numRows, b.numCols, c, "mult");
        run(new Product(a, b, c, false, false, a.numCols));
    }

    @Override
    public final void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DenseKernel.checkShapes(a.numCols, a.numRows, b.numRows, b.numCols, c, "multTransA");
        run(new Product(a, b, c, true, false, a.numRows));
    }

    @Override
    public final void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DenseKernel.checkShapes(a.numRows, a.numCols, b.numCols, b.numRows, c, "multTransB");
        run(new Product(a, b, c, false, true, a.numCols));
    }

    /** Called once per product on the calling thread before any rows are computed. */
    abstract void prepare(Product p);

    /**
     * Computes output rows [from, to) of p into p.c, using the scratch of thread slot
     * {@code slot}; calls {@link #stop(boolean)} between row blocks and returns when it says so.
     */
    abstract void rows(Product p, int from, int to, int slot, boolean poll);

    /** @return true when the product must stop; with {@code poll} (calling thread only) it asks the callback */
    final boolean stop(boolean poll) {
        if (poll && !abort && cancel.isCanceled()) {
            abort = true;
        }
        return abort;
    }

    private void run(Product p) {
        prepare(p);
        int rows = p.c().numRows;
        long work = (long) rows * p.inner() * p.c().numCols;
        boolean poll = work >= PARALLEL_THRESHOLD && cancel != ProgressCallback.NONE;
        abort = false;
        if (pool == null || work < PARALLEL_THRESHOLD || rows < 2 * threads) {
            rows(p, 0, rows, 0, poll);
            checkAbort();
            return;
        }
        int chunks = threads;
        CountDownLatch done = new CountDownLatch(chunks - 1);
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int t = 1; t < chunks; t++) {
            int from = (int) ((long) rows * t / chunks);
            int to = (int) ((long) rows * (t + 1) / chunks);
            int slot = t;
            futures[t - 1] = pool.submit(() -> {
                try {
                    rows(p, from, to, slot, false);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            rows(p, 0, (int) ((long) rows / chunks), 0, poll);
            // Never leave while workers still write into c or their scratch; keep polling for them.
            if (poll) {
                while (!done.await(5, TimeUnit.MILLISECONDS)) {
                    if (!abort && cancel.isCanceled()) {
                        abort = true;
                    }
                }
            } else {
                done.await();
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during a matrix product", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Matrix product failed: " + e.getCause(), e.getCause());
        }
        checkAbort();
    }

    private void checkAbort() {
        if (abort) {
            abort = false;
            throw new OperationCanceledException();
        }
    }

    @Override
    public final void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
