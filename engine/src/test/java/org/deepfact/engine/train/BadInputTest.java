package org.deepfact.engine.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.deepfact.engine.model.Widths;
import org.deepfact.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each bad input of the issue gives its own clear error. */
class BadInputTest {

    private static <T extends RuntimeException> void assertMessage(Class<T> type, String fragment, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    @Test
    void nanValue() {
        assertMessage(IllegalArgumentException.class, "value NaN is not a finite number",
                () -> Observations.of(3, 3, new int[] {0, 1}, new int[] {0, 1}, new double[] {1, Double.NaN}));
    }

    @Test
    void indexOutOfRange() {
        assertMessage(IllegalArgumentException.class, "row index 3 is out of range [0, 2]",
                () -> Observations.of(3, 3, new int[] {3}, new int[] {0}, new double[] {1}));
        assertMessage(IllegalArgumentException.class, "column index -1 is out of range",
                () -> Observations.of(3, 3, new int[] {0}, new int[] {-1}, new double[] {1}));
    }

    @Test
    void duplicatePosition() {
        assertMessage(IllegalArgumentException.class, "both observe position (1, 2)",
                () -> Observations.of(3, 3, new int[] {1, 0, 1}, new int[] {2, 0, 2}, new double[] {1, 2, 3}));
    }

    @Test
    void rankAboveMinDimension() {
        assertMessage(IllegalArgumentException.class, "Rank 9 exceeds min(rows, cols) = 8",
                () -> GroundTruth.generate(GroundTruthSpec.of(8, 10, 9, 1)));
    }

    @Test
    void zeroObservations() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(5, 5, 1, 1));
        assertMessage(IllegalArgumentException.class, "Number of observations must be >= 1, got 0",
                () -> Samplers.uniform(w, 0, 1));
        assertMessage(IllegalArgumentException.class, "No observed entries",
                () -> Observations.of(5, 5, new int[0], new int[0], new double[0]));
    }

    @Test
    void overflowingInitialisationNamesTheScaleNotTheLearningRate() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(6, 6, 2, 1));
        RecoveryProblem p = RecoveryProblem.completion(Samplers.uniform(w, 20, 2));
        InitialisationOverflowException e = assertThrows(InitialisationOverflowException.class,
                () -> Trainer.train(p, TrainingConfig.builder().depth(3).initScale(1e308).build(), null));
        assertTrue(e.getMessage().contains("initialisation scale 1.0E308"), e.getMessage());
        assertTrue(!e.getMessage().contains("learning rate"), e.getMessage());
        assertTrue(Double.isInfinite(e.loss()) || Double.isNaN(e.loss()));
    }

    @Test
    void factorLargerThanAnArrayIsRefusedBeforeAllocating() {
        // 3 x 100000 with the default hidden width (cols) would make W_1 100000 x 100000
        int[] dims = Widths.resolve(3, 100_000, 3, null);
        assertMessage(IllegalArgumentException.class, "Factor W_1 would be 100000 x 100000", () -> Widths.requireFits(dims));
        Widths.requireFits(Widths.resolve(3, 100_000, 3, new int[] {4, 4}));
        long small = Trainer.estimateBytes(10, 10, TrainingConfig.builder().depth(2).build(), 0);
        // 2 factors of 100 + gradients + optimiser state (4 x 200), chain 4 x 200, 5 full matrices: 2100 doubles
        assertTrue(small == 8L * 2100, "estimate " + small);
        assertTrue(Trainer.estimateBytes(100_000, 100_000, TrainingConfig.builder().build(), 0) > (1L << 40));
    }

    @Test
    void divergentLearningRate() {
        DMatrixRMaj w = GroundTruth.generate(GroundTruthSpec.of(10, 10, 2, 1));
        RecoveryProblem p = RecoveryProblem.completion(Samplers.uniform(w, 60, 2));
        TrainingConfig c = TrainingConfig.builder().depth(3).optimizer(OptimizerKind.GD).learningRate(1e4)
                .initScale(1).maxIterations(10_000).build();
        assertMessage(DivergenceException.class, "learning rate 10000.0", () -> Trainer.train(p, c, null));
    }

    @Test
    void invalidSettingsNameTheSetting() {
        assertMessage(IllegalArgumentException.class, "Learning rate must be finite and > 0, got -1.0",
                () -> TrainingConfig.builder().learningRate(-1).build());
        assertMessage(IllegalArgumentException.class, "Depth must be >= 1, got 0",
                () -> TrainingConfig.builder().depth(0).build());
        assertMessage(IllegalArgumentException.class, "Initialisation scale",
                () -> TrainingConfig.builder().initScale(0).build());
        assertMessage(IllegalArgumentException.class, "Thread count",
                () -> TrainingConfig.builder().threads(0).build());
        assertMessage(IllegalArgumentException.class, "Log interval",
                () -> TrainingConfig.builder().logEvery(0).build());
        assertMessage(IllegalArgumentException.class, "needs 2 hidden widths",
                () -> TrainingConfig.builder().depth(3).hiddenWidths(4).build());
    }
}
