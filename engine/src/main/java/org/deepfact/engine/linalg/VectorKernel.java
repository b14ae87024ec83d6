package org.deepfact.engine.linalg;

import org.deepfact.engine.ProgressCallback;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API dense kernel ({@code jdk.incubator.vector}): a register-blocked 6 x 2V
 * micro-kernel (V = the preferred species' lanes; 12 accumulators plus two B vectors fit the 16
 * AVX2 registers) over packed, cache-blocked panels, as in Goto's GEMM. Per thread slot: a
 * KC x NC panel of op(B) packed in strips of 2V columns (its strip of KC x 2V stays in L1) and
 * an MC x KC block of op(A) packed in tiles of 6 rows (in L2). Transposed operands are read
 * transposed while packing, so a^T b and a b^T cost no copy beyond the packing itself. Edge
 * tiles are zero-padded in the packs and go through a small scratch tile, so n = 100 runs full
 * tiles except one narrow strip and one short tile.
 *
 * <p>Same bits as {@link RowBlockKernel}: each lane's accumulator is one output element's chain
 * of fma over k in ascending k (k panels continue the chain from c), whatever the species.
 * Load only through {@link Kernels}: this class links against the incubator module.
 */
final class VectorKernel extends RowSplitKernel {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 6;
    private static final int NR = 2 * V;
    /** k per panel: a 2V-wide strip of B (KC x 2V doubles, 16 KiB at V = 4) stays in L1. */
    private static final int KC = 256;
    /** Rows of A per block (multiple of MR): MC x KC doubles (192 KiB) stay in L2; polls between blocks. */
    private static final int MC = 96;
    /** Columns of B per panel: KC x NC doubles (2 MiB) in L3. */
    private static final int NC = 1024;

    /** Per thread slot: packed A block, packed B panel, one edge tile. */
    private final double[][] packA;
    private final double[][] packB;
    private final double[][] tile;

    VectorKernel(int threads, ProgressCallback cancel) {
        super(threads, cancel);
        packA = new double[threads][0];
        packB = new double[threads][0];
        tile = new double[threads][MR * NR];
    }

    @Override
    public String name() {
        return "Vector API (jdk.incubator.vector, " + S.vectorBitSize() + "-bit, " + V + " doubles per vector)";
    }

    @Override
    void prepare(Product p) {
        int kc = Math.min(KC, p.inner());
        int nc = Math.min(NC, p.c().numCols);
        int a = MC * kc;
        int b = ((nc + NR - 1) / NR) * NR * kc;
        for (int t = 0; t < packA.length; t++) {
            if (packA[t].length < a) {
                packA[t] = new double[a];
            }
            if (packB[t].length < b) {
                packB[t] = new double[b];
            }
        }
    }

    @Override
    void rows(Product p, int from, int to, int slot, boolean poll) {
        double[] c = p.c().data;
        int n = p.c().numCols;
        int inner = p.inner();
        if (inner == 0) {
            java.util.Arrays.fill(c, from * n, to * n, 0.0);
            return;
        }
        double[] pa = packA[slot];
        double[] pb = packB[slot];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < inner; pc += KC) {
                int kc = Math.min(KC, inner - pc);
                packB(p, pc, kc, jc, nc, pb);
                for (int ic = from; ic < to; ic += MC) {
                    if (stop(poll)) {
                        return;
                    }
                    int mc = Math.min(MC, to - ic);
                    packA(p, ic, mc, pc, kc, pa);
                    block(pa, pb, mc, kc, nc, c, ic * n + jc, n, pc == 0, tile[slot]);
                }
            }
        }
    }

    /** All tiles of one packed A block against one packed B panel; strips outer so each stays in L1. */
    private static void block(double[] pa, double[] pb, int mc, int kc, int nc, double[] c, int co, int ldc,
            boolean first, double[] scratch) {
        for (int s = 0; s * NR < nc; s++) {
            int nr = Math.min(NR, nc - s * NR);
            int bo = s * kc * NR;
            for (int t = 0; t * MR < mc; t++) {
                int mr = Math.min(MR, mc - t * MR);
                int ao = t * kc * MR;
                int cto = co + t * MR * ldc + s * NR;
                if (mr == MR && nr == NR) {
                    micro2(pa, ao, pb, bo, kc, c, cto, ldc, first);
                } else if (mr == MR && nr == V) {
                    micro1(pa, ao, pb, bo, kc, c, cto, ldc, first);
                } else {
                    edge(pa, ao, pb, bo, kc, c, cto, ldc, first, mr, nr, scratch);
                }
            }
        }
    }

    /** A partial tile: through a zero-padded MR x NR scratch tile, so the micro-kernel never leaves c. */
    private static void edge(double[] pa, int ao, double[] pb, int bo, int kc, double[] c, int co, int ldc,
            boolean first, int mr, int nr, double[] scratch) {
        java.util.Arrays.fill(scratch, 0.0);
        if (!first) {
            for (int r = 0; r < mr; r++) {
                System.arraycopy(c, co + r * ldc, scratch, r * NR, nr);
            }
        }
        if (nr <= V) {
            micro1(pa, ao, pb, bo, kc, scratch, 0, NR, first);
        } else {
            micro2(pa, ao, pb, bo, kc, scratch, 0, NR, first);
        }
        for (int r = 0; r < mr; r++) {
            System.arraycopy(scratch, r * NR, c, co + r * ldc, nr);
        }
    }

    /** pa[(t kc + k) MR + r] = op(a)[ic + t MR + r][pc + k], rows past the block zero. */
    private static void packA(Product p, int ic, int mc, int pc, int kc, double[] pa) {
        double[] a = p.a().data;
        int lda = p.a().numCols;
        int tiles = (mc + MR - 1) / MR;
        for (int t = 0; t < tiles; t++) {
            int base = t * kc * MR;
            for (int r = 0; r < MR; r++) {
                int i = t * MR + r;
                if (i >= mc) {
                    for (int k = 0; k < kc; k++) {
                        pa[base + k * MR + r] = 0.0;
                    }
                } else if (p.transA()) {
                    for (int k = 0, src = pc * lda + ic + i; k < kc; k++, src += lda) {
                        pa[base + k * MR + r] = a[src];
                    }
                } else {
                    for (int k = 0, src = (ic + i) * lda + pc; k < kc; k++, src++) {
                        pa[base + k * MR + r] = a[src];
                    }
                }
            }
        }
    }

    /** pb[(s kc + k) NR + j] = op(b)[pc + k][jc + s NR + j], columns past the panel zero. */
    private static void packB(Product p, int pc, int kc, int jc, int nc, double[] pb) {
        double[] b = p.b().data;
        int ldb = p.b().numCols;
        for (int s = 0; s * NR < nc; s++) {
            int nr = Math.min(NR, nc - s * NR);
            int base = s * kc * NR;
            if (p.transB()) {
                for (int j = 0; j < NR; j++) {
                    if (j >= nr) {
                        for (int k = 0; k < kc; k++) {
                            pb[base + k * NR + j] = 0.0;
                        }
                        continue;
                    }
                    for (int k = 0, src = (jc + s * NR + j) * ldb + pc; k < kc; k++, src++) {
                        pb[base + k * NR + j] = b[src];
                    }
                }
            } else {
                for (int k = 0; k < kc; k++) {
                    int dst = base + k * NR;
                    System.arraycopy(b, (pc + k) * ldb + jc + s * NR, pb, dst, nr);
                    if (nr < NR) {
                        java.util.Arrays.fill(pb, dst + nr, dst + NR, 0.0);
                    }
                }
            }
        }
    }

    /** c[6 x 2V] = fma chain over kc packed k (continuing c unless first). */
    private static void micro2(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean first) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (first) {
            DoubleVector z = DoubleVector.zero(S);
            c00 = z;
            c01 = z;
            c10 = z;
            c11 = z;
            c20 = z;
            c21 = z;
            c30 = z;
            c31 = z;
            c40 = z;
            c41 = z;
            c50 = z;
            c51 = z;
        } else {
            c00 = DoubleVector.fromArray(S, c, co);
            c01 = DoubleVector.fromArray(S, c, co + V);
            c10 = DoubleVector.fromArray(S, c, co + 1 * ldc);
            c11 = DoubleVector.fromArray(S, c, co + 1 * ldc + V);
            c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(S, c, co + 2 * ldc + V);
            c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(S, c, co + 3 * ldc + V);
            c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(S, c, co + 4 * ldc + V);
            c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(S, c, co + 5 * ldc + V);
        }
        for (int k = 0; k < kc; k++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + V);
            DoubleVector x0 = DoubleVector.broadcast(S, ap[ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + V);
        c10.intoArray(c, co + 1 * ldc);
        c11.intoArray(c, co + 1 * ldc + V);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + V);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + V);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + V);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + V);
    }

    /** The same for one vector of columns (narrow last strip). */
    private static void micro1(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
            boolean first) {
        DoubleVector c00, c10, c20, c30, c40, c50;
        if (first) {
            DoubleVector z = DoubleVector.zero(S);
            c00 = z;
            c10 = z;
            c20 = z;
            c30 = z;
            c40 = z;
            c50 = z;
        } else {
            c00 = DoubleVector.fromArray(S, c, co);
            c10 = DoubleVector.fromArray(S, c, co + 1 * ldc);
            c20 = DoubleVector.fromArray(S, c, co + 2 * ldc);
            c30 = DoubleVector.fromArray(S, c, co + 3 * ldc);
            c40 = DoubleVector.fromArray(S, c, co + 4 * ldc);
            c50 = DoubleVector.fromArray(S, c, co + 5 * ldc);
        }
        for (int k = 0; k < kc; k++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector x0 = DoubleVector.broadcast(S, ap[ao]);
            c00 = x0.fma(b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = x1.fma(b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = x2.fma(b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = x3.fma(b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = x4.fma(b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = x5.fma(b0, c50);
        }
        c00.intoArray(c, co);
        c10.intoArray(c, co + 1 * ldc);
        c20.intoArray(c, co + 2 * ldc);
        c30.intoArray(c, co + 3 * ldc);
        c40.intoArray(c, co + 4 * ldc);
        c50.intoArray(c, co + 5 * ldc);
    }}
