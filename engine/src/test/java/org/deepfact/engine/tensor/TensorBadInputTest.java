package org.deepfact.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input fails at once with a message that names the entry, the mode and the range. */
class TensorBadInputTest {

    private static final TensorShape SHAPE = TensorShape.of(3, 4, 5);

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void indexOutOfRangeInAnyModeNamesEntryModeAndRange(int mode) {
        int[][] idx = {{0, 0, 0}, {1, 2, 3}};
        idx[1][mode] = SHAPE.dim(mode);
        assertEquals("Entry 1: index " + SHAPE.dim(mode) + " in mode " + (mode + 1) + " (i_" + (mode + 1)
                + ") is out of range [0, " + (SHAPE.dim(mode) - 1) + "]",
                message(() -> TensorEntries.of(SHAPE, idx, new double[] {1, 2})));
        idx[1][mode] = -1;
        assertEquals("Entry 1: index -1 in mode " + (mode + 1) + " (i_" + (mode + 1) + ") is out of range [0, "
                + (SHAPE.dim(mode) - 1) + "]", message(() -> TensorEntries.of(SHAPE, idx, new double[] {1, 2})));
    }

    @Test
    void duplicatePositionNamesBothEntries() {
        int[][] idx = {{0, 0, 0}, {2, 3, 4}, {1, 1, 1}, {2, 3, 4}};
        assertEquals("Entries 1 and 3 both observe position (2, 3, 4)",
                message(() -> TensorEntries.of(SHAPE, idx, new double[] {1, 2, 3, 4})));
    }

    @Test
    void orderMismatchIsNamed() {
        assertEquals("Entry 1 has 4 indices but the tensor 3 x 4 x 5 has order 3",
                message(() -> TensorEntries.of(SHAPE, new int[][] {{0, 0, 0}, {0, 0, 0, 0}}, new double[] {1, 2})));
        assertEquals("Order mismatch: 8 indices for 2 entries of an order-3 tensor (expected 6)",
                message(() -> TensorEntries.ofFlat(SHAPE, new int[8], new double[] {1, 2})));
        TensorEntries observed = TensorEntries.of(SHAPE, new int[][] {{0, 0, 0}}, new double[] {1});
        TensorEntries order4 = TensorEntries.of(TensorShape.of(3, 4, 5, 2), new int[][] {{0, 0, 0, 1}}, new double[] {1});
        assertEquals("Held-out entries are for a 3 x 4 x 5 x 2 tensor but the problem's is 3 x 4 x 5 (order mismatch)",
                message(() -> TensorProblem.completion(observed).withHeldOut(order4)));
        assertEquals("Order mismatch: 2 factors for a tensor of order 3",
                message(() -> new CpTensor(SHAPE, 1, new double[2][1])));
        assertEquals("Ground truth has 40 entries but the problem's tensor 3 x 4 x 5 has 60",
                message(() -> TensorProblem.completion(observed).withGroundTruth(new double[40])));
    }

    @Test
    void valuesAndShapesAreChecked() {
        assertEquals("Entry 0 at (0, 1, 2): value NaN is not a finite number",
                message(() -> TensorEntries.of(SHAPE, new int[][] {{0, 1, 2}}, new double[] {Double.NaN})));
        assertEquals("Got 1 index tuples but 2 values",
                message(() -> TensorEntries.of(SHAPE, new int[][] {{0, 1, 2}}, new double[] {1, 2})));
        assertEquals("No entries: at least one is needed", message(() -> TensorEntries.of(SHAPE, new int[0][], new double[0])));
        assertEquals("Dimension of mode 2 must be >= 1, got 0", message(() -> TensorShape.of(3, 0, 2)));
        assertEquals("A tensor needs at least 2 modes, got 1", message(() -> TensorShape.of(7)));
        assertEquals("Number of observations must be in [1, 60] for a 3 x 4 x 5 tensor, got 61",
                message(() -> TensorSampling.uniform(SHAPE, new double[60], 61, 1)));
        assertEquals("Ground-truth tensor rank must be >= 1, got 0",
                message(() -> TensorGroundTruth.generate(SHAPE, 0, 1, 1)));
    }

    @Test
    void badSettingsNameTheSetting() {
        assertEquals("Initialisation standard deviation must be finite and > 0, got 0.0",
                message(() -> CpConfig.builder().initStd(0).build()));
        assertEquals("Number of CP components must be >= 1 (or 0 for the maximal rank), got -2",
                message(() -> CpConfig.builder().components(-2).build()));
        assertEquals("Learning rate must be finite and > 0, got NaN",
                message(() -> CpConfig.builder().learningRate(Double.NaN).build()));
        assertEquals("Thread count must be >= 1, got 0", message(() -> CpConfig.builder().threads(0).build()));
    }
}
