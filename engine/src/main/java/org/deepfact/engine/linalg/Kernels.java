package org.deepfact.engine.linalg;

import org.deepfact.engine.ProgressCallback;

/**
 * Picks the implementation of the dense products and the {@link Rows} passes once per JVM: the
 * Vector API ({@code jdk.incubator.vector}) when this class's own class loader can load it (in
 * KNIME: the plugin's loader, through its optional import) and the JVM runs 256-bit or wider
 * vectors natively; else plain Java. Both give the same bits, so the choice only changes speed.
 * {@code -Ddeepfact.vector=false} forces plain Java (benchmarks, tests).
 */
public final class Kernels {

    /** The incubator module is loadable, usable, and not switched off. */
    static final boolean VECTOR = detect();
    /** Why the plain kernel runs, when it does. */
    private static String reason;

    private Kernels() {
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("deepfact.vector"))) {
            reason = "switched off by -Ddeepfact.vector=false";
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.DoubleVector", false, Kernels.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            reason = "jdk.incubator.vector not present; add --add-modules jdk.incubator.vector";
            return false;
        }
        try {
            reason = VectorProbe.problem();
        } catch (Throwable e) { // any linkage or intrinsic trouble means: do not use it
            reason = "jdk.incubator.vector unusable: " + e;
        }
        return reason == null;
    }

    /** @return true when the Vector API kernels run in this JVM */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** @return which kernel runs and, for plain Java, why; for logs and the benchmark */
    public static String describe() {
        return VECTOR ? VectorProbe.description() : "plain Java (Math.fma): " + reason;
    }

    /** @return the dense kernel for this JVM with the given threads and cancellation callback */
    public static DenseKernel dense(int threads, ProgressCallback cancel) {
        return VECTOR ? VectorProbe.kernel(threads, cancel) : new RowBlockKernel(threads, cancel);
    }
}
