package org.deepfact.engine.linalg;

import org.deepfact.engine.ProgressCallback;

/**
 * The plain-Java dense kernel (no Vector API): each output row is accumulated in a separate row
 * array as t_j = fma(a_ik, b_kj, t_j), four k per pass over the row (blocked into panels of B that
 * stay in cache), with op(B) copied once per product into row arrays. Same bits as
 * {@link VectorKernel} (see {@link RowSplitKernel} for the arithmetic both follow).
 *
 * <p>Why row arrays: HotSpot C2 (Java 17) vectorises {@code t[j] = fma(x, r[j], t[j])} only when
 * both arrays are indexed from zero; with the flat offsets of a row-major matrix it runs scalar code
 * (measured 2-3x slower). The copy of B is also where B^T is formed for {@link #multTransB}.
 *
 * <p>Cancellation is polled between blocks of {@value #ROW_BLOCK} output rows. Not thread-safe: one
 * kernel serves one training run. Scratch space grows on the first product of a given size and is
 * reused, so steady-state products allocate nothing on the single-threaded path (the
 * multi-threaded path allocates one small task per thread).
 */
public final class RowBlockKernel extends RowSplitKernel {

    /** Bytes of B kept hot per k panel: about a quarter of a typical L2 cache. */
    private static final int PANEL_BYTES = 256 * 1024;
    /** Output rows accumulated together, so each panel of B is reused this many times. */
    private static final int ROW_BLOCK = 16;

    /** op(B)'s rows as separate arrays (capacity grows, never shrinks). */
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
        super(threads, cancel);
        this.acc = new double[threads][ROW_BLOCK][0];
    }

    @Override
    public String name() {
        return "plain Java (Math.fma)";
    }

    @Override
    void prepare(Product p) {
        int inner = p.inner();
        int n = p.c().numCols;
        if (bRows.length < inner || (bRows.length > 0 && bRows[0].length < n)) {
            int cap = Math.max(n, bRows.length > 0 ? bRows[0].length : 0);
            bRows = new double[Math.max(inner, bRows.length)][cap];
        }
        double[] b = p.b().data;
        if (p.transB()) {
            // bRows[k][j] = b[j][k], in blocks of eight source rows so both sides stay in cache
            int ld = p.b().numCols;
            for (int j0 = 0; j0 < n; j0 += 8) {
                int j1 = Math.min(n, j0 + 8);
                for (int k = 0; k < inner; k++) {
                    double[] row = bRows[k];
                    for (int j = j0; j < j1; j++) {
                        row[j] = b[j * ld + k];
                    }
                }
            }
        } else {
            for (int k = 0; k < inner; k++) {
                System.arraycopy(b, k * n, bRows[k], 0, n);
            }
        }
        for (double[][] slot : acc) {
            if (slot[0].length < n) {
                for (int r = 0; r < ROW_BLOCK; r++) {
                    slot[r] = new double[n];
                }
            }
        }
    }

    @Override
    void rows(Product p, int from, int to, int slotIndex, boolean poll) {
        final double[] ad = p.a().data;
        final double[][] br = bRows;
        final double[][] slot = acc[slotIndex];
        final double[] cd = p.c().data;
        final int n = p.c().numCols;
        final int inner = p.inner();
        final int lda = p.a().numCols;
        // k stride through a: along a row for a*b, down a column for a^T*b.
        final int aRowStep = p.transA() ? 1 : lda;
        final int aKStep = p.transA() ? lda : 1;
        final int panel = Math.max(4, (PANEL_BYTES / 8 / Math.max(1, n)) & ~3);
        for (int i0 = from; i0 < to; i0 += ROW_BLOCK) {
            if (stop(poll)) {
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
                System.arraycopy(slot[i - i0], 0, cd, i * n, n);
            }
        }
    }

    /** t = fma chain over k in [k0, k1), ascending, four k per pass over t. */
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
                t[j] = Math.fma(x3, r3[j], Math.fma(x2, r2[j], Math.fma(x1, r1[j], Math.fma(x0, r0[j], t[j]))));
            }
        }
        for (; k < k1; k++) {
            double x0 = ad[aBase + k * aKStep];
            double[] r0 = br[k];
            for (int j = 0; j < n; j++) {
                t[j] = Math.fma(x0, r0[j], t[j]);
            }
        }
    }
}
