package org.deepfact.engine.linalg;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.ejml.data.DMatrixRMaj;

/**
 * A cache-friendly row-oriented product kernel ("i-k-j" with the k loop unrolled by four and
 * blocked so that a panel of B stays in cache), optionally multi-threaded.
 *
 * <p>Why our own loop rather than EJML's {@code CommonOps_MT_DDRM}: EJML's concurrency uses
 * one process-wide pool whose size is a global setting, so two runs with different thread
 * counts (e.g. a KNIME workflow and a sweep) would interfere. Here each kernel owns its pool.
 * Bit-identity for any thread count: threads get disjoint blocks of output rows and every
 * output row is computed by exactly the same sequence of operations (the k blocking and
 * unrolling depend only on the shapes), so the partition cannot change a single bit.
 */
public final class RowBlockKernel implements DenseKernel {

    /** Below this many multiply-adds a product runs on the caller thread (handoff costs ~10 us). */
    static final long PARALLEL_THRESHOLD = 1L << 20;
    /** Bytes of B kept hot per k block: about half of a typical L2 cache. */
    private static final int PANEL_BYTES = 256 * 1024;

    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads number of threads, >= 1; 1 means the caller's thread only, no pool
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public RowBlockKernel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
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
    public int threads() {
        return threads;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DenseKernel.checkShapes(a.numRows, a.numCols, b.numRows, b.numCols, c, "mult");
        run(a, b, c, false);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        DenseKernel.checkShapes(a.numCols, a.numRows, b.numRows, b.numCols, c, "multTransA");
        run(a, b, c, true);
    }

    private void run(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean transA) {
        int rows = c.numRows;
        long work = (long) rows * b.numRows * b.numCols;
        if (pool == null || work < PARALLEL_THRESHOLD || rows < 2 * threads) {
            rows(a, b, c, transA, 0, rows);
            return;
        }
        int chunks = threads;
        CountDownLatch done = new CountDownLatch(chunks - 1);
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int t = 1; t < chunks; t++) {
            int from = (int) ((long) rows * t / chunks);
            int to = (int) ((long) rows * (t + 1) / chunks);
            futures[t - 1] = pool.submit(() -> {
                try {
                    rows(a, b, c, transA, from, to);
                } finally {
                    done.countDown();
                }
            });
        }
        rows(a, b, c, transA, 0, (int) ((long) rows / chunks));
        try {
            done.await();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during a matrix product", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Matrix product failed: " + e.getCause(), e.getCause());
        }
    }

    /** Computes output rows [from, to). Row i of c = sum_k op(a)[i][k] * b[k][:]. */
    private static void rows(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean transA, int from, int to) {
        final double[] ad = a.data;
        final double[] bd = b.data;
        final double[] cd = c.data;
        final int n = b.numCols;
        final int inner = b.numRows;
        final int lda = a.numCols;
        // k stride through a: along a row for a*b, down a column for a^T*b.
        final int aRowStep = transA ? 1 : lda;
        final int aKStep = transA ? lda : 1;
        final int panel = Math.max(4, (PANEL_BYTES / 8 / Math.max(1, n)) & ~3);
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(cd, i * n, i * n + n, 0.0);
        }
        for (int k0 = 0; k0 < inner; k0 += panel) {
            int k1 = Math.min(inner, k0 + panel);
            int i = from;
            // Two output rows at a time: each loaded row of b feeds both (halves b traffic).
            for (; i + 1 < to; i += 2) {
                twoRows(ad, bd, cd, n, i * n, i * aRowStep, (i + 1) * n, (i + 1) * aRowStep, aKStep, k0, k1);
            }
            for (; i < to; i++) {
                oneRow(ad, bd, cd, n, i * n, i * aRowStep, aKStep, k0, k1);
            }
        }
    }

    private static void twoRows(double[] ad, double[] bd, double[] cd, int n, int c0, int aBase0,
            int c1, int aBase1, int aKStep, int k0, int k1) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double x0 = ad[aBase0 + k * aKStep];
            double x1 = ad[aBase0 + (k + 1) * aKStep];
            double x2 = ad[aBase0 + (k + 2) * aKStep];
            double x3 = ad[aBase0 + (k + 3) * aKStep];
            double y0 = ad[aBase1 + k * aKStep];
            double y1 = ad[aBase1 + (k + 1) * aKStep];
            double y2 = ad[aBase1 + (k + 2) * aKStep];
            double y3 = ad[aBase1 + (k + 3) * aKStep];
            int b0 = k * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = 0; j < n; j++) {
                double v0 = bd[b0 + j];
                double v1 = bd[b1 + j];
                double v2 = bd[b2 + j];
                double v3 = bd[b3 + j];
                cd[c0 + j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                cd[c1 + j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
            }
        }
        for (; k < k1; k++) {
            double x0 = ad[aBase0 + k * aKStep];
            double y0 = ad[aBase1 + k * aKStep];
            int b0 = k * n;
            for (int j = 0; j < n; j++) {
                double v0 = bd[b0 + j];
                cd[c0 + j] += x0 * v0;
                cd[c1 + j] += y0 * v0;
            }
        }
    }

    /** Same arithmetic, in the same order, as one half of {@link #twoRows}. */
    private static void oneRow(double[] ad, double[] bd, double[] cd, int n, int c0, int aBase0,
            int aKStep, int k0, int k1) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double x0 = ad[aBase0 + k * aKStep];
            double x1 = ad[aBase0 + (k + 1) * aKStep];
            double x2 = ad[aBase0 + (k + 2) * aKStep];
            double x3 = ad[aBase0 + (k + 3) * aKStep];
            int b0 = k * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = 0; j < n; j++) {
                cd[c0 + j] += x0 * bd[b0 + j] + x1 * bd[b1 + j] + x2 * bd[b2 + j] + x3 * bd[b3 + j];
            }
        }
        for (; k < k1; k++) {
            double x0 = ad[aBase0 + k * aKStep];
            int b0 = k * n;
            for (int j = 0; j < n; j++) {
                cd[c0 + j] += x0 * bd[b0 + j];
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
