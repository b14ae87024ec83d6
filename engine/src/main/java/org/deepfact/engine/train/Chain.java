package org.deepfact.engine.train;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.ejml.data.DMatrixRMaj;

/**
 * Preallocated prefix products and back-propagation through the factor chain, shared by the
 * completion and sensing objectives. With P_j = W_j ... W_1 and B_j = S_j^T G (S_j the suffix
 * product), dL/dW_j = B_j P_{j-1}^T and B_{j-1} = W_j^T B_j: one dense product each, no n^3 work
 * beyond what the chain needs; the kernel reads the transposed operands in place (no copies).
 * Public for the benchmark's reference objectives ({@code org.deepfact.engine.bench}), which reuse
 * it so their baselines differ only in the pass they replace.
 */
public final class Chain {

    private final DenseKernel kernel;
    private final ProgressCallback cancel;
    private final int depth;
    /** prefix[j] = P_j (dims[j] x cols) for 2 &lt;= j &lt;= upTo; prefix[1] aliases W_1. */
    public final DMatrixRMaj[] prefix;
    /** back[j] = B_j (dims[j] x cols) for 2 &lt;= j &lt;= depth (back[depth] only when fed from outside). */
    public final DMatrixRMaj[] back;

    /** @param cancel consulted after every dense product (long at large n), so cancelling is prompt */
    public Chain(DenseKernel kernel, int[] dims, int upTo, ProgressCallback cancel) {
        this.kernel = kernel;
        this.cancel = cancel;
        this.depth = dims.length - 1;
        int cols = dims[0];
        prefix = new DMatrixRMaj[depth + 1];
        back = new DMatrixRMaj[depth + 1];
        for (int j = 2; j <= upTo; j++) {
            prefix[j] = new DMatrixRMaj(dims[j], cols);
        }
        for (int j = 2; j <= depth; j++) {
            back[j] = new DMatrixRMaj(dims[j], cols);
        }
    }

    /** Computes P_1 .. P_upTo. */
    public void forward(DMatrixRMaj[] factors, int upTo) {
        prefix[1] = factors[0];
        for (int j = 2; j <= upTo; j++) {
            kernel.mult(factors[j - 1], prefix[j - 1], prefix[j]);
            cancel.checkCanceled();
        }
    }

    /**
     * Given B_top in back[top] (or, for top = N - 1 when N = 2, already in grads[0]), fills
     * grads[j-1] = dL/dW_j for j = top .. 1.
     */
    public void backward(DMatrixRMaj[] factors, DMatrixRMaj[] grads, int top) {
        for (int j = top; j >= 2; j--) {
            kernel.multTransB(back[j], prefix[j - 1], grads[j - 1]);
            cancel.checkCanceled();
            DMatrixRMaj target = j - 1 == 1 ? grads[0] : back[j - 1];
            kernel.multTransA(factors[j - 1], back[j], target);
            cancel.checkCanceled();
        }
    }
}
