package org.deepfact.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

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
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("deepfact: error: " + failure(e));
            return 1;
        }
    }

    /**
     * @return the configured command line: a bad option prints one message naming it and a hint
     *         (exit 2); an engine error, an unreadable or unwritable file, or running out of
     *         memory prints one line (exit 1); no stack traces
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * Gives another command tree (the Spark application's) the same handling of bad options and
     * failures as {@link #commandLine()}.
     *
     * @return {@code cl}
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            String message = failure(ex);
            if (message == null) {
                throw ex;
            }
            cmd.getErr().println("deepfact: error: " + message);
            cmd.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** Prints the message and where to find the options, not the whole usage text; exit 2. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            if (!cmd.getSubcommands().isEmpty() && ex.getMessage().startsWith("Missing subcommand")) {
                cmd.usage(err);
            } else {
                err.println("Try '" + name + " --help' for the options and their defaults.");
            }
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** @return the one-line message for a failure the user can act on, or null for a bug (stack trace) */
    static String failure(Throwable ex) {
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException u) {
            return failure(u.getCause());
        }
        if (ex instanceof NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (ex instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (ex instanceof FileAlreadyExistsException f) {
            return "exists and is not a directory: " + f.getFile();
        }
        if (ex instanceof IOException) {
            return ex.getMessage() == null ? ex.toString() : ex.getMessage();
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): use a smaller "
                    + "problem, or more heap, e.g. DEEPFACT_JAVA_OPTS=-Xmx8g ./deepfact ...";
        }
        return null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
