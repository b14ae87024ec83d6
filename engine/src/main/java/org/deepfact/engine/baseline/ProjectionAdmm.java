package org.deepfact.engine.baseline;

import org.deepfact.engine.ProgressCallback;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * ADMM (Douglas-Rachford) for min ||X||_* + indicator{ |A(Z) - y| &lt;= eps } s.t. X = Z, valid
 * when A A^T = I so that the projection onto the constraint set is exact:
 * Proj(V) = V + A^T(clip(A V) - A V).
 *
 * <pre>
 *   X    = SVT_{1/rho}(Z - U)
 *   Xh   = alpha X + (1 - alpha) Z          (over-relaxation)
 *   Z'   = Proj(Xh + U)
 *   U    = U + Xh - Z'
 * </pre>
 * Stops (Boyd et al. 2011, sec. 3.3) when ||X - Z'||_F &lt;= tol max(||X||_F, ||Z'||_F) and
 * rho ||Z' - Z||_F &lt;= tol rho ||U||_F. rho is rebalanced by residual ratios during the first
 * {@link #ADAPT_ITERATIONS} iterations only, so the fixed-rho convergence theorem applies after.
 * With {@link NuclearNormConfig#psd()} SVT is replaced by the prox of tr + indicator{PSD}
 * ({@link Shrinkage}).
 */
final class ProjectionAdmm {

    private static final double ALPHA = 1.8;
    private static final int ADAPT_ITERATIONS = 2_000;
    private static final int ADAPT_EVERY = 5;
    private static final double IMBALANCE = 2;

    private ProjectionAdmm() {
    }

    static NuclearNormResult solve(LinearConstraints a, double[] y, NuclearNormConfig config,
            ProgressCallback callback) {
        SolverLoop loop = new SolverLoop(config, callback);
        int rows = a.rows();
        int cols = a.cols();
        double eps = config.epsilon();
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        DMatrixRMaj z = new DMatrixRMaj(rows, cols);
        DMatrixRMaj zPrev = new DMatrixRMaj(rows, cols);
        DMatrixRMaj u = new DMatrixRMaj(rows, cols);
        DMatrixRMaj buffer = new DMatrixRMaj(rows, cols);
        double[] av = new double[a.size()];
        Shrinkage prox = Shrinkage.of(rows, cols, config.psd());

        // Start from the least-squares fit Z = A^T y; rho so that the first threshold is a
        // modest fraction of its spectral scale (residual balancing corrects it).
        a.adjoint(y, z);
        double scale = Math.max(NormOps_DDRM.normF(z), Double.MIN_NORMAL);
        double rho = Math.sqrt(Math.max(rows, cols)) / (0.1 * scale);

        while (loop.next()) {
            // X-step: prox of the nuclear norm at Z - U
            sub(z, u, buffer);
            double nuclear = prox.shrink(buffer, 1 / rho, x);
            // Z-step on the relaxed point V = alpha X + (1 - alpha) Z + U
            zPrev.setTo(z);
            double[] xd = x.data;
            double[] zd = z.data;
            double[] ud = u.data;
            double[] bd = buffer.data;
            for (int p = 0; p < bd.length; p++) {
                bd[p] = ALPHA * xd[p] + (1 - ALPHA) * zd[p] + ud[p];
            }
            project(a, y, eps, buffer, av, z);
            // U-step: U += Xh - Z' = V - Z'
            for (int p = 0; p < ud.length; p++) {
                ud[p] = bd[p] - zd[p];
            }
            // residuals
            double r = distance(x, z);
            double s = rho * distance(z, zPrev);
            double primal = r / Math.max(Math.max(NormOps_DDRM.normF(x), NormOps_DDRM.normF(z)), Double.MIN_NORMAL);
            double dual = s / Math.max(rho * NormOps_DDRM.normF(u), Double.MIN_NORMAL);
            if (loop.converged(primal, dual, nuclear)) {
                break;
            }
            int iteration = loop.iteration();
            if (iteration <= ADAPT_ITERATIONS && iteration % ADAPT_EVERY == 0) {
                // Boyd's residual balancing; U is the scaled dual (Y / rho) and must follow rho.
                if (primal > IMBALANCE * dual) {
                    rho *= 2;
                    scale(u, 0.5);
                } else if (dual > IMBALANCE * primal) {
                    rho /= 2;
                    scale(u, 2);
                }
            }
            if (loop.progressDue()) {
                loop.progress(String.format(java.util.Locale.ROOT, "ADMM iteration %d, primal %.2e, dual %.2e, nuclear norm %.6g, rank %d, "
                        + "rho %.3g", iteration, primal, dual, nuclear, prox.lastRank(), rho));
            }
        }
        String method = "ADMM (exact projection, A A^T = I)" + (config.psd() ? ", minimum trace over PSD" : "");
        return loop.finish(method, a, y, x, av);
    }

    /** out = V + A^T(clip(A V, y - eps, y + eps) - A V); exact projection because A A^T = I. */
    private static void project(LinearConstraints a, double[] y, double eps, DMatrixRMaj v, double[] av,
            DMatrixRMaj out) {
        a.apply(v, av);
        for (int i = 0; i < av.length; i++) {
            double clipped = Math.min(Math.max(av[i], y[i] - eps), y[i] + eps);
            av[i] = clipped - av[i];
        }
        a.adjoint(av, out);
        double[] o = out.data;
        double[] vd = v.data;
        for (int p = 0; p < o.length; p++) {
            o[p] += vd[p];
        }
    }

    private static void sub(DMatrixRMaj p, DMatrixRMaj q, DMatrixRMaj out) {
        double[] a = p.data;
        double[] b = q.data;
        double[] o = out.data;
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] - b[i];
        }
    }

    private static void scale(DMatrixRMaj p, double factor) {
        double[] a = p.data;
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }

    private static double distance(DMatrixRMaj p, DMatrixRMaj q) {
        double[] a = p.data;
        double[] b = q.data;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
