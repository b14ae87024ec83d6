package org.deepfact.engine.train;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.SensingOperator;
import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Rows;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss of a symmetric factorization W = P P^T, P = W_k ... W_1 (end-to-end depth N = 2k), for
 * completion or sensing. With G = dL/dW, dL/dP = (G + G^T) P, which is then back-propagated
 * through P's chain by {@link Chain}. Completion never forms W: W_ij = &lt;row i of P, row j of P&gt;
 * and (G + G^T) P gets c_k P_j in row i and c_k P_i in row j per observed entry, O(m width).
 * Sensing forms W = P P^T densely (it needs all of W anyway). Allocation-free per call.
 */
final class SymmetricObjective implements Objective {

    private final int depth;
    private final int rows;
    private final int width;
    private final Chain chain;
    // completion
    private final int m;
    private final int[] rowIdx;
    private final int[] colIdx;
    private final double[] y;
    private final double[] coef;
    private final double[][] pRows;
    private final double[][] gRows;
    // sensing
    private final SensingOperator op;
    private final SensingOperator.Workspace workspace;
    private final DenseKernel kernel;
    private final DMatrixRMaj w;
    private final DMatrixRMaj g;
    private final DMatrixRMaj sym;

    /** @param dims P's layer dimensions: dims[k] = rows, dims[0] = P's width */
    SymmetricObjective(RecoveryProblem problem, int[] dims, DenseKernel kernel, ProgressCallback cancel) {
        depth = dims.length - 1;
        rows = problem.rows();
        width = dims[0];
        this.kernel = kernel;
        chain = new Chain(kernel, dims, depth, cancel);
        if (problem.isCompletion()) {
            m = problem.observations().size();
            rowIdx = problem.observations().rowIndices();
            colIdx = problem.observations().colIndices();
            y = problem.observations().values();
            coef = new double[m];
            pRows = new double[rows][width];
            gRows = new double[rows][width];
            op = null;
            workspace = null;
            w = g = sym = null;
        } else {
            op = problem.sensingOperator();
            y = problem.measurements();
            m = y.length;
            workspace = op.newWorkspace();
            w = new DMatrixRMaj(rows, rows);
            g = new DMatrixRMaj(rows, rows);
            sym = new DMatrixRMaj(rows, rows);
            rowIdx = colIdx = null;
            coef = null;
            pRows = gRows = null;
        }
    }

    @Override
    public double evaluate(DMatrixRMaj[] f, DMatrixRMaj[] grads) {
        chain.forward(f, depth);
        DMatrixRMaj p = chain.prefix[depth];
        DMatrixRMaj target = depth == 1 ? grads[0] : chain.back[depth];
        double sum = op == null ? completion(p, target) : sensing(p, target);
        if (depth > 1) {
            chain.backward(f, grads, depth);
        }
        return sum / m;
    }

    /** Loss sum and target = (G + G^T) P from the observed entries only. */
    private double completion(DMatrixRMaj p, DMatrixRMaj target) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(p.data, i * width, pRows[i], 0, width);
            java.util.Arrays.fill(gRows[i], 0.0);
        }
        double scale = 2.0 / m;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            int i = rowIdx[k];
            int j = colIdx[k];
            double r = Rows.dot(pRows[i], pRows[j], width) - y[k];
            sum += r * r;
            double c = scale * r;
            coef[k] = c;
            Rows.axpy(c, pRows[j], gRows[i], width); // G P
            Rows.axpy(c, pRows[i], gRows[j], width); // G^T P
        }
        for (int i = 0; i < rows; i++) {
            System.arraycopy(gRows[i], 0, target.data, i * width, width);
        }
        return sum;
    }

    /** Loss sum and target = (G + G^T) P with W = P P^T and G from the operator's fused pass. */
    private double sensing(DMatrixRMaj p, DMatrixRMaj target) {
        // Element (i, j) and (j, i) are the same fma chain of equal products: W is exactly symmetric.
        kernel.multTransB(p, p, w);
        double sum = op.residualAndAdjoint(w, y, 2.0 / m, g, workspace);
        double[] gd = g.data;
        double[] sd = sym.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                sd[i * rows + j] = gd[i * rows + j] + gd[j * rows + i];
            }
        }
        kernel.mult(sym, p, target);
        return sum;
    }

    @Override
    public void endToEndGradient(DMatrixRMaj out) {
        if (op != null) {
            out.setTo(g);
            return;
        }
        out.reshape(rows, rows);
        out.zero();
        for (int k = 0; k < m; k++) {
            out.unsafe_set(rowIdx[k], colIdx[k], out.unsafe_get(rowIdx[k], colIdx[k]) + coef[k]);
        }
    }
}
