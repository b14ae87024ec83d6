package org.deepfact.engine.linalg;

import org.deepfact.engine.ProgressCallback;

import jdk.incubator.vector.DoubleVector;

/**
 * The only door from {@link Kernels} to classes that link against {@code jdk.incubator.vector}:
 * Kernels calls it only after the module was found, so the engine loads without it.
 */
final class VectorProbe {

    private VectorProbe() {
    }

    /** @return null when the vector kernels may run here, else why not */
    static String problem() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            // VectorRows keeps its eight partial sums in two 256-bit vectors; narrower would be emulated
            return "the JVM's preferred vectors are " + DoubleVector.SPECIES_PREFERRED.vectorBitSize()
                    + "-bit (< 256)";
        }
        // A smoke test that the vector code links and agrees with the plain code here.
        double[] a = {1.5, -2.25, 3e-17, 4, 5, 6, 7, 8, 9, 10, 11};
        if (VectorRows.dot(a, 0, a, 0, a.length) != PlainRows.dot(a, 0, a, 0, a.length)) {
            return "vector and plain dot products disagree";
        }
        return null;
    }

    static String description() {
        try (DenseKernel k = new VectorKernel(1, null)) {
            return k.name();
        }
    }

    static DenseKernel kernel(int threads, ProgressCallback cancel) {
        return new VectorKernel(threads, cancel);
    }
}
