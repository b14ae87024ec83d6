package org.deepfact.cli.reproduce;

import picocli.CommandLine;

/**
 * Creates the reproduce commands with a given {@link SweepExecutor}: how the Spark application
 * reuses {@code completion} and {@code sensing} (their options, grid, files) with Spark tasks.
 */
public final class ReproduceFactory implements CommandLine.IFactory {

    private final SweepExecutor executor;

    public ReproduceFactory(SweepExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        K k = CommandLine.defaultFactory().create(cls);
        if (k instanceof SweepCommand c) {
            c.executor = executor;
        }
        return k;
    }
}
