package org.deepfact.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deepfact} command line: headless access to the same engine entry points the
 * KNIME nodes call. Exit codes: 0 success, 1 engine error (bad data, divergence), 2 bad options.
 */
@Command(name = "deepfact", mixinStandardHelpOptions = true, version = "deepfact 0.1.0",
        description = "Implicit regularization in deep matrix factorization (Arora et al., NeurIPS 2019).",
        subcommands = {
            // Every subcommand is listed here, in one place; add new ones to this list.
            TrainCommand.class,
            BenchCommand.class,
            NuclearCommand.class,
            SpectrumCommand.class,
            org.deepfact.cli.reproduce.ReproduceCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** @return the configured command line: engine errors become a one-line message and exit code 1 */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
                cmd.getErr().println("deepfact: error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'deepfact train --help'");
    }
}
