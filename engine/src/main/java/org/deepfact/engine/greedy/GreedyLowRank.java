package org.deepfact.engine.greedy;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.HistoryRecord;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Greedy low-rank learning (GLRL; Li, Luo and Lyu, "Towards Resolving the Implicit Bias of Gradient
 * Descent for Matrix Factorization: Greedy Low-Rank Learning", ICLR 2021) for matrix completion
 * with a depth-2 factorization W = W_2 W_1. Start from W = 0 (rank 0); each phase appends the top
 * singular pair (u, v) of -dL/dW at scale sqrt(epsilon) (W_2 gains the column sqrt(eps) u, W_1 the
 * row sqrt(eps) v^T, so W gains eps u v^T) and runs gradient descent at that rank until the loss
 * stops falling; stop when the loss reaches the threshold or the rank reaches its cap. The paper
 * shows that gradient descent from an initialisation of scale alpha follows this trajectory as
 * alpha -&gt; 0 (and eps -&gt; 0).
 *
 * @param epsilon scale of each new rank-one direction (W gains epsilon u v^T)
 * @param learningRate gradient-descent step size
 * @param maxRank the largest rank tried
 * @param lossThreshold stop when the train loss is at most this
 * @param chunk iterations between the plateau checks of a phase
 * @param plateauTolerance a phase ends when a chunk lowers the loss by less than this fraction
 * @param phaseCap iteration cap of one phase
 * @param logEvery a history point every this many iterations
 */
public record GreedyLowRank(double epsilon, double learningRate, int maxRank, double lossThreshold, long chunk,
        double plateauTolerance, long phaseCap, long logEvery) {

    /** One recorded iteration; {@code iteration} counts from the start of the first phase. */
    public record Point(long iteration, int rank, double trainLoss, double reconstructionError, int numericalRank,
            double[] topSingularValues) {

        /** Defensive copy. */
        public Point {
            topSingularValues = topSingularValues.clone();
        }

        @Override
        public double[] topSingularValues() {
            return topSingularValues.clone();
        }
    }

    /** The end of one phase: its rank, the iterations it took and where it got. */
    public record Phase(int rank, long iterations, double trainLoss, double reconstructionError) {
    }

    /** The run: phases, history points, the final matrix and all iterations. */
    public record Result(List<Phase> phases, List<Point> points, DMatrixRMaj endToEnd, long iterations) {

        /** Copies. */
        public Result {
            phases = List.copyOf(phases);
            points = List.copyOf(points);
            endToEnd = endToEnd.copy();
        }

        @Override
        public DMatrixRMaj endToEnd() {
            return endToEnd.copy();
        }
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        require(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY, "Epsilon must be finite and > 0, got " + epsilon);
        require(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY,
                "Learning rate must be finite and > 0, got " + learningRate);
        require(maxRank >= 1, "Maximum rank must be >= 1, got " + maxRank);
        require(lossThreshold >= 0, "Loss threshold must be >= 0, got " + lossThreshold);
        require(chunk >= 1 && logEvery >= 1 && chunk % logEvery == 0,
                "Chunk (" + chunk + ") must be a positive multiple of the log interval (" + logEvery + ")");
        require(plateauTolerance >= 0 && plateauTolerance < 1, "Plateau tolerance must be in [0, 1), got "
                + plateauTolerance);
        require(phaseCap >= chunk, "Phase cap must be >= the chunk, got " + phaseCap);
    }

    /**
     * @throws IllegalArgumentException for a sensing problem (GLRL here needs the completion
     *         gradient) or an invalid setting
     */
    public Result run(RecoveryProblem problem, ProgressCallback callback) {
        validate();
        if (!(problem instanceof RecoveryProblem.Completion completion)) {
            throw new IllegalArgumentException("Greedy low-rank learning supports matrix completion only");
        }
        ProgressCallback cb = callback == null ? ProgressCallback.NONE : callback;
        int rows = problem.rows();
        int cols = problem.cols();
        int cap = Math.min(maxRank, Math.min(rows, cols));
        DMatrixRMaj w1 = new DMatrixRMaj(0, cols);
        DMatrixRMaj w2 = new DMatrixRMaj(rows, 0);
        List<Point> points = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        long total = 0;
        double loss = loss(completion.observations(), w);
        for (int r = 1; r <= cap && loss > lossThreshold; r++) {
            Spectrum top = Spectrum.withVectors(negativeGradient(completion.observations(), w));
            w1 = appendRow(w1, top.rightVectors(), Math.sqrt(epsilon));
            w2 = appendColumn(w2, top.leftVectors(), Math.sqrt(epsilon));
            TrainingConfig config = TrainingConfig.builder().depth(2).hiddenWidths(r).optimizer(OptimizerKind.GD)
                    .learningRate(learningRate).maxIterations(chunk).lossThreshold(lossThreshold).logEvery(logEvery)
                    .alignment(false).topK(Math.min(10, Math.min(rows, cols))).threads(1).build();
            long phaseIterations = 0;
            double before = Double.POSITIVE_INFINITY;
            TrainingResult result;
            do {
                result = Trainer.train(problem, config, new DMatrixRMaj[] {w1, w2}, cb, null);
                for (HistoryRecord h : result.history()) {
                    if (h.iteration() > 0 || points.isEmpty()) { // a chunk's record 0 repeats the last one
                        points.add(new Point(total + phaseIterations + h.iteration(), r, h.trainLoss(),
                                h.reconstructionError(), h.numericalRank(), h.topSingularValues()));
                    }
                }
                w1 = result.factor(1);
                w2 = result.factor(2);
                phaseIterations += result.iterations();
                before = loss;
                loss = result.last().trainLoss();
                cb.checkCanceled();
            } while (loss > lossThreshold && before - loss > plateauTolerance * before && phaseIterations < phaseCap);
            total += phaseIterations;
            w = result.endToEnd();
            phases.add(new Phase(r, phaseIterations, loss, result.last().reconstructionError()));
            cb.progress((double) r / cap, "GLRL rank " + r + ": loss " + loss);
        }
        return new Result(phases, points, w, total);
    }

    /** -dL/dW = -(2/m) P_Omega(W - Y), the direction the next rank-one term follows. */
    static DMatrixRMaj negativeGradient(Observations obs, DMatrixRMaj w) {
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        double scale = 2.0 / obs.size();
        for (int k = 0; k < obs.size(); k++) {
            g.unsafe_set(obs.row(k), obs.col(k), -scale * (w.unsafe_get(obs.row(k), obs.col(k)) - obs.value(k)));
        }
        return g;
    }

    static double loss(Observations obs, DMatrixRMaj w) {
        double sum = 0;
        for (int k = 0; k < obs.size(); k++) {
            double d = w.unsafe_get(obs.row(k), obs.col(k)) - obs.value(k);
            sum += d * d;
        }
        return sum / obs.size();
    }

    private static DMatrixRMaj appendRow(DMatrixRMaj w1, DMatrixRMaj rightVectors, double scale) {
        DMatrixRMaj out = new DMatrixRMaj(w1.numRows + 1, w1.numCols);
        System.arraycopy(w1.data, 0, out.data, 0, w1.getNumElements());
        for (int c = 0; c < w1.numCols; c++) {
            out.unsafe_set(w1.numRows, c, scale * rightVectors.unsafe_get(c, 0));
        }
        return out;
    }

    private static DMatrixRMaj appendColumn(DMatrixRMaj w2, DMatrixRMaj leftVectors, double scale) {
        DMatrixRMaj out = new DMatrixRMaj(w2.numRows, w2.numCols + 1);
        CommonOps_DDRM.insert(w2, out, 0, 0);
        for (int r = 0; r < w2.numRows; r++) {
            out.unsafe_set(r, w2.numCols, scale * leftVectors.unsafe_get(r, 0));
        }
        return out;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
