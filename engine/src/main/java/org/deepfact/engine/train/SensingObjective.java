package org.deepfact.engine.train;

import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.linalg.DenseKernel;
import org.ejml.data.DMatrixRMaj;

/**
 * Sensing loss (1/m) sum_i (&lt;A_i, W&gt; - y_i)^2. The gradient G = (2/m) sum_i r_i A_i is dense,
 * so the chain is computed in full (N - 1 products forward, 2 (N - 1) backward). Loss and G come
 * from one fused pass of the operator that reads (or regenerates) each A_i once per iteration.
 */
final class SensingObjective implements Objective {

    private final int depth;
    private final SensingOperator op;
    private final double[] y;
    private final Chain chain;
    private final SensingOperator.Workspace workspace;
    /** Where the last evaluate left G (valid until the next evaluate). */
    private DMatrixRMaj lastG;

    SensingObjective(SensingOperator op, double[] y, int[] dims, DenseKernel kernel,
            ProgressCallback cancel) {
        this.depth = dims.length - 1;
        this.op = op;
        this.y = y;
        this.chain = new Chain(kernel, dims, depth, cancel);
        this.workspace = op.newWorkspace();
    }

    @Override
    public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
        chain.forward(f, depth);
        DMatrixRMaj w = chain.prefix[depth];
        DMatrixRMaj target = depth == 1 ? grads[0] : chain.back[depth];
        double sum = op.residualAndAdjoint(w, y, 2.0 / y.length, target, workspace);
        if (depth > 1) {
            chain.backward(f, grads, depth);
        }
        lastG = target; // for depth 1 this is grads[0], which the optimiser only reads
        return sum / y.length;
    }

    @Override
    public void endToEndGradient(DMatrixRMaj out) {
        out.setTo(lastG);
    }
}
