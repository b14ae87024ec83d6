package org.deepfact.cli.reproduce;

import org.deepfact.cli.ProgressOptions;
import java.nio.file.Path;

import org.deepfact.engine.experiment.SweepRunner;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every reproduce subcommand has: output folder, threads, seed, progress display. */
public class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deepfact-out",
            description = "Folder for the CSV and PNG files (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs executed in parallel, each single-threaded (default: all cores). "
                    + "Any value gives the same numbers.")
    Integer threads;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Master seed; every run's seeds derive from it and the run's grid coordinates "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ProgressOptions progress;

    int threads() {
        int t = threads == null ? SweepRunner.defaultThreads() : threads;
        if (t < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + t);
        }
        return t;
    }

    ProgressOptions.Mode progressMode() {
        return progress.mode();
    }
}
