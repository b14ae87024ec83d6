package org.deepfact.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.deepfact.engine.OperationCanceledException;
import org.deepfact.engine.ProgressCallback;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** Cancellation inside large products: granularity, unchanged bits, threads, latency at n = 1000. */
class RowBlockKernelCancelTest {

    /** Counts polls; cancels when the predicate holds for the poll number (1-based). */
    private static final class Polls implements ProgressCallback {
        final AtomicInteger count = new AtomicInteger();
        volatile IntPredicate cancelAt;

        Polls(IntPredicate cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCanceled() {
            return cancelAt.test(count.incrementAndGet());
        }
    }

    private static DMatrixRMaj nan(int rows, int cols) {
        DMatrixRMaj c = new DMatrixRMaj(rows, cols);
        c.fill(Double.NaN);
        return c;
    }

    @Test
    void pollsBetweenBlocksOfSixteenRowsAndStopsThere() {
        Random r = new Random(4);
        int n = 128; // 2^21 multiply-adds: above the polling threshold
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, r);
        Polls third = new Polls(p -> p >= 3);
        DMatrixRMaj c = nan(n, n);
        try (RowBlockKernel k = new RowBlockKernel(1, third)) {
            assertThrows(OperationCanceledException.class, () -> k.mult(a, b, c));
        }
        assertEquals(3, third.count.get());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i < 32, !Double.isNaN(c.get(i, j)), "row " + i); // two blocks done, then stop
            }
        }
    }

    @Test
    void pollingDoesNotChangeTheBitsAndSmallProductsDoNotPoll() {
        Random r = new Random(5);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(130, 140, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(140, 150, r);
        for (int t = 1; t <= 2; t++) {
            DMatrixRMaj plain = new DMatrixRMaj(130, 150);
            DMatrixRMaj polled = new DMatrixRMaj(130, 150);
            Polls never = new Polls(p -> false);
            try (RowBlockKernel k0 = new RowBlockKernel(t); RowBlockKernel k1 = new RowBlockKernel(t, never)) {
                k0.mult(a, b, plain);
                k1.mult(a, b, polled);
                assertArrayEquals(plain.data, polled.data, 0, t + " thread(s)");
                assertTrue(never.count.get() >= 1, "large product polled");
                if (t == 1) {
                    assertEquals(9, never.count.get(), "once per block of 16 rows: ceil(130 / 16)");
                }
                int before = never.count.get();
                k1.mult(new DMatrixRMaj(20, 20), new DMatrixRMaj(20, 20), new DMatrixRMaj(20, 20));
                assertEquals(before, never.count.get(), "small products are not polled");
            }
        }
    }

    @Test
    void multiThreadedCancelThrowsCancellationAndTheKernelStaysUsable() {
        Random r = new Random(6);
        int n = 200;
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, r);
        Polls first = new Polls(p -> true);
        try (RowBlockKernel k = new RowBlockKernel(2, first); RowBlockKernel reference = new RowBlockKernel(1)) {
            assertThrows(OperationCanceledException.class, () -> k.multTransA(a, b, new DMatrixRMaj(n, n)));
            first.cancelAt = p -> false;
            DMatrixRMaj c = new DMatrixRMaj(n, n);
            DMatrixRMaj expected = new DMatrixRMaj(n, n);
            k.multTransA(a, b, c);
            reference.multTransA(a, b, expected);
            assertArrayEquals(expected.data, c.data, 0);
        }
    }

    @Test
    void cancellationLandsPromptlyAtSizeThousand() {
        Random r = new Random(7);
        int n = 1000; // one product is about 0.1 - 0.2 s of CPU on this machine
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, n, r);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        // Deadline and lateness in the calling thread's CPU time (it alone polls, and it computes rows
        // until it cancels): this measures the work between polls, not how busy the machine is.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int threads = 1; threads <= 2; threads++) {
            long[] deadline = {Long.MAX_VALUE};
            ProgressCallback afterTenMs = new ProgressCallback() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCanceled() {
                    return mx.getCurrentThreadCpuTime() >= deadline[0];
                }
            };
            try (RowBlockKernel k = new RowBlockKernel(threads, afterTenMs)) {
                k.mult(a, b, c); // uncancelled first: the latency measured is the kernel's, not the JIT's
                deadline[0] = mx.getCurrentThreadCpuTime() + 10_000_000L;
                assertThrows(OperationCanceledException.class, () -> k.mult(a, b, c));
                double lateMs = (mx.getCurrentThreadCpuTime() - deadline[0]) * 1e-6;
                // one block of 16 rows is ~3 ms of CPU here; CPU time, so a loaded CI machine does not stretch it
                assertTrue(lateMs < 200, threads + " thread(s): cancellation landed " + lateMs + " ms (CPU) late");
            }
        }
    }
}
