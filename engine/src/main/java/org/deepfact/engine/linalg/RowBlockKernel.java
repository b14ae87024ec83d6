package org.deepfact.engine.linalg;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;

import org.ejml.data.DMatrixRMaj;

/**
 * A cache-friendly row-oriented product kernel, optionally multi-threaded. Each output row is
 * accumulated in a separate row array as c_i += a_ik b_k + ... (the k loop unrolled by four,
 * blocked into panels of B that stay in cache), with B copied once per product into row arrays.
 *
 * <p>Why row arrays: HotSpot C2 (Java 17) vectorises {@code t[j] += x * r[j]} only when both
 * arrays are indexed from zero; with the flat offsets of a row-major matrix it runs scalar code
 * (measured 2-3x slower). Why our own loop rather than EJML's {@code CommonOps_MT_DDRM}: EJML's
 * concurrency uses one process-wide pool whose size is a global setting, so two runs with
 * different thread counts would interfere; here each kernel owns its pool.
 *
 * <p>Bit-identity for any thread count: threads get disjoint blocks of output rows, and every
 * output row is computed by the same sequence of operations (panels are multiples of four and
 * depend only on the shapes), so the partition cannot change a single bit.
 *
 * <p>Cancellation: a kernel made with a {@link ProgressCallback} polls it between blocks of
 * {@value #ROW_BLOCK} output rows in products of at least {@link #PARALLEL_THRESHOLD}
 * multiply-adds (about 2.5 ms of work at n = 1000), and throws
 * {@link OperationCanceledException}; the output is then partly written. Only the calling thread
 * polls the callback (workers see a volatile flag), and the poll only decides whether to go on,
 * so the numbers of a product that completes are unchanged.
 *
 * <p>Not thread-safe: one kernel serves one training run. Scratch space grows on the first
 * product of a given size and is reused afterwards, so steady-state products allocate nothing
 * on the single-threaded path (the multi-threaded path allocates one small task per thread).
 */
public final class RowBlockKernel implements DenseKernel {

    /** Below this many multiply-adds a product runs on the caller thread (handoff costs ~10 us). */
    static final long PARALLEL_THRESHOLD = 1L << 20;
    /** Bytes of B kept hot per k panel: about a quarter of a typical L2 cache. */
    private static final int PANEL_BYTES = 256 * 1024;
    /** Output rows accumulated together, so each panel of B is reused this many times. */
    private static final int ROW_BLOCK = 16;

    private final int threads;
    private final ProgressCallback cancel;
    /** Set by the calling thread when the callback cancels; workers stop at their next row block. */
    private volatile boolean abort;
    private final ExecutorService pool;
    /** B's rows as separate arrays (capacity grows, never shrinks). */
    private double[][] bRows = new double[0][];
    /** Per thread slot: ROW_BLOCK accumulator rows. */
    private final double[][][] acc;

    /**
     * @param threads number of threads, >= 1; 1 means the caller's thread only, no pool
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public RowBlockKernel(int threads) {
        this(threads, ProgressCallback.NONE);
    }

    /**
     * @param threads number of threads, >= 1; 1 means the caller's thread only, no pool
     * @param cancel polled between row blocks of large products; null means never cancel
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public RowBlockKernel(int threads, ProgressCallback cancel) {
        this.cancel = cancel == null ? ProgressCallback.NONE : cancel;
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemonThreads());
        this.acc = new double[threads][ROW_BLOCK][0];
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

    private void prepare(DMatrixRMaj b) {
        int n = b.numCols;
        if (bRows.length < b.numRows || (bRows.length > 0 && bRows[0].length < n)) {
            int cap = Math.max(n, bRows.length > 0 ? bRows[0].length : 0);
            bRows = new double[Math.max(b.numRows, bRows.length)][cap];
        }
        for (int k = 0; k < b.numRows; k++) {
            System.arraycopy(b.data, k * n, bRows[k], 0, n);
        }
        for (double[][] slot : acc) {
            if (slot[0].length < n) {
                for (int r = 0; r < ROW_BLOCK; r++) {
                    slot[r] = new double[n];
                }
            }
        }
    }

    private void run(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, boolean transA) {
        prepare(b);
        int rows = c.numRows;
        long work = (long) rows * b.numRows * b.numCols;
        boolean poll = work >= PARALLEL_THRESHOLD && cancel != ProgressCallback.NONE;
        abort = false;
        if (pool == null || work < PARALLEL_THRESHOLD || rows < 2 * threads) {
            rows(a, c, b.numRows, transA, 0, rows, acc[0], poll);
            checkAbort();
            return;
        }
        int chunks = threads;
        CountDownLatch done = new CountDownLatch(chunks - 1);
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int t = 1; t < chunks; t++) {
            int from = (int) ((long) rows * t / chunks);
            int to = (int) ((long) rows * (t + 1) / chunks);
            double[][] slot = acc[t];
            futures[t - 1] = pool.submit(() -> {
                try {
                    rows(a, c, b.numRows, transA, from, to, slot, false);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            rows(a, c, b.numRows, transA, 0, (int) ((long) rows / chunks), acc[0], poll);
            // Never leave while workers still write into c or the slots; keep polling for them.
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
        } catch (java.util.concurrent.ExecutionException e) {
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

    /**
     * Computes output rows [from, to): row i of c = sum_k op(a)[i][k] * b[k][:]. Stops early when
     * {@link #abort} is set; with {@code poll} (calling thread only) it also asks the callback.
     */
    private void rows(DMatrixRMaj a, DMatrixRMaj c, int inner, boolean transA, int from, int to, double[][] slot,
            boolean poll) {
        final double[] ad = a.data;
        final double[][] br = bRows;
        final int n = c.numCols;
        final int lda = a.numCols;
        // k stride through a: along a row for a*b, down a column for a^T*b.
        final int aRowStep = transA ? 1 : lda;
        final int aKStep = transA ? lda : 1;
        final int panel = Math.max(4, (PANEL_BYTES / 8 / Math.max(1, n)) & ~3);
        for (int i0 = from; i0 < to; i0 += ROW_BLOCK) {
            if (poll && !abort && cancel.isCanceled()) {
                abort = true;
            }
            if (abort) {
                return;
            }
            int i1 = Math.min(to, i0 + ROW_BLOCK);
            for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(slot[i - i0], 0, n, 0.0);
            }
            for (int k0 = 0; k0 < inner; k0 += panel) {
                int k1 = Math.min(inner, k0 + panel);
                for (int i = i0; i < i1; i++) {
                    accumulate(ad, i * aRowStep, aKStep, br, slot[i - i0], n, k0, k1);
                }
            }
            for (int i = i0; i < i1; i++) {
                System.arraycopy(slot[i - i0], 0, c.data, i * n, n);
            }
        }
    }

    /** t += sum_{k in [k0, k1)} a_k * b_k, four k at a time (panels start at multiples of four). */
    private static void accumulate(double[] ad, int aBase, int aKStep, double[][] br, double[] t, int n, int k0,
            int k1) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double x0 = ad[aBase + k * aKStep];
            double x1 = ad[aBase + (k + 1) * aKStep];
            double x2 = ad[aBase + (k + 2) * aKStep];
            double x3 = ad[aBase + (k + 3) * aKStep];
            double[] r0 = br[k];
            double[] r1 = br[k + 1];
            double[] r2 = br[k + 2];
            double[] r3 = br[k + 3];
            for (int j = 0; j < n; j++) {
                t[j] += x0 * r0[j] + x1 * r1[j] + x2 * r2[j] + x3 * r3[j];
            }
        }
        for (; k < k1; k++) {
            double x0 = ad[aBase + k * aKStep];
            double[] r0 = br[k];
            for (int j = 0; j < n; j++) {
                t[j] += x0 * r0[j];
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
