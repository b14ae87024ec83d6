package org.deepfact.spark;

import org.apache.spark.SparkConf;
import org.deepfact.cli.Main;
import org.deepfact.cli.reproduce.CompletionCommand;
import org.deepfact.cli.reproduce.ReproduceFactory;
import org.deepfact.cli.reproduce.SensingCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark application: {@code spark-submit --class org.deepfact.spark.SparkMain deepfact-spark.jar
 * completion|sensing [options of reproduce]}. The commands, options, grid and output files are those
 * of {@code deepfact reproduce}; only the runs go to Spark tasks instead of local threads.
 */
@Command(name = "deepfact-spark", mixinStandardHelpOptions = true, version = "deepfact-spark 0.1.0",
        description = {"The sweeps of 'deepfact reproduce' on Apache Spark: every run of the grid is one Spark "
            + "task (single-threaded, seeded from its grid coordinates, so the numbers equal the command line's); "
            + "the driver writes the same CSV files and charts to --out (a path on the driver's file system) once "
            + "every run has finished. --threads has no effect here: Spark's executors decide the parallelism."},
        subcommands = {CompletionCommand.class, SensingCommand.class})
public final class SparkMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(new SparkConf().setAppName("deepfact"), RunTask.ENGINE, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the application with a Spark configuration and a task body (tests use local masters and faulty tasks). */
    public static int run(SparkConf conf, RunTask task, String... args) {
        try (SparkSweepExecutor executor = new SparkSweepExecutor(conf, task)) {
            return commandLine(executor).execute(args);
        }
    }

    static CommandLine commandLine(SparkSweepExecutor executor) {
        return Main.configure(new CommandLine(new SparkMain(), new ReproduceFactory(executor)));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: completion or sensing");
    }
}
