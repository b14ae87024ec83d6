package org.deepfact.cli;

import java.util.Locale;

import org.deepfact.engine.Bytes;

/**
 * Refuses, before allocating, work the Java heap cannot hold: one line and exit 1 (an engine error),
 * as running out of memory would end, but before minutes of work are lost.
 */
public final class HeapCheck {

    private HeapCheck() {
    }

    /**
     * @param needed estimated peak bytes (e.g. {@code Trainer.estimateBytes}, {@code NuclearNormSolver.estimateBytes})
     * @param what what needs them, e.g. "a depth-3 factorization of a 100 x 100 matrix"
     * @param smaller how to need less, e.g. "a smaller problem or --width"
     * @param command the command to rerun with more heap, e.g. "train"
     * @throws IllegalArgumentException when needed exceeds the maximum heap
     */
    public static void require(long needed, String what, String smaller, String command) {
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs about %s of memory, the Java heap "
                    + "has %s: use %s, or more heap, e.g. DEEPFACT_JAVA_OPTS=-Xmx%dg ./deepfact %s ...", what,
                    Bytes.human(needed), Bytes.human(heap), smaller, (long) Math.ceil(needed * 1.25 / (1L << 30)),
                    command));
        }
    }
}
