package org.deepfact.engine.bench;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Rows;
import org.deepfact.engine.train.Chain;
import org.deepfact.engine.train.Objective;
import org.ejml.data.DMatrixRMaj;

/**
 * The unfused sensing loss and gradient, kept as the benchmark's baseline and as an independent
 * computation: pass 1 computes every r_i = &lt;A_i, W&gt; - y_i, pass 2 accumulates
 * G = (2/m) sum_i r_i A_i, each A_i read once per pass from its own copy, one measurement at a
 * time. Same per-measurement arithmetic (four-way partial-sum dot product, gradient summed in
 * measurement order) as the operator, so the same numbers, bit for bit.
 */
public final class TwoPassSensingObjective implements Objective {

    private final int depth;
    private final double[][] a;
    private final double[] y;
    private final double[] r;
    private final Chain chain;
    private DMatrixRMaj lastG;

    public TwoPassSensingObjective(SensingOperator op, double[] y, int[] dims, DenseKernel kernel) {
        this.depth = dims.length - 1;
        this.a = new double[op.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = op.matrix(i).data;
        }
        this.y = y;
        this.r = new double[y.length];
        this.chain = new Chain(kernel, dims, depth, ProgressCallback.NONE);
    }

    @Override
    public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
        chain.forward(f, depth);
        DMatrixRMaj w = chain.prefix[depth];
        DMatrixRMaj target = depth == 1 ? grads[0] : chain.back[depth];
        int n2 = w.getNumElements();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            r[i] = Rows.dot(a[i], 0, w.data, 0, n2) - y[i];
            sum += r[i] * r[i];
        }
        double coeff = 2.0 / y.length;
        java.util.Arrays.fill(target.data, 0, n2, 0.0);
        for (int i = 0; i < a.length; i++) {
            Rows.axpy(coeff * r[i], a[i], 0, target.data, 0, n2);
        }
        if (depth > 1) {
            chain.backward(f, grads, depth);
        }
        lastG = target;
        return sum / y.length;
    }

    @Override
    public void endToEndGradient(DMatrixRMaj out) {
        out.setTo(lastG);
    }
}
