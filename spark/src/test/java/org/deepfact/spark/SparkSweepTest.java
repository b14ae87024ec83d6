package org.deepfact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.deepfact.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The Spark application on local masters: its files equal {@code deepfact reproduce}'s on the
 * same grid and seed bit for bit (all runs-CSV columns but seconds, the whole summary), a task
 * that dies once is retried with the same result, and a job that cannot finish writes nothing.
 */
class SparkSweepTest {

    /** 5 runs of a second or less: depths 1 and 2 at lr 1e-3 and 10 (which diverges), and the nuclear norm. */
    private static final List<String> GRID = List.of("completion", "--quick", "--size", "20", "--rank", "2", "--m",
            "150", "--depths", "1,2", "--lrs", "1e-3,10", "--scales", "1e-3", "--max-iterations", "1000",
            "--progress", "none");

    /** Failures thrown by the faulty tasks (local mode runs them in this JVM). */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    static Path dir;

    private static Path reference;

    record Run(int code, String out, String err) {
    }

    private static String[] args(Path out, String... more) {
        List<String> all = new ArrayList<>(GRID);
        all.addAll(List.of(more));
        all.addAll(List.of("--out", out.toString()));
        return all.toArray(String[]::new);
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run spark(String master, RunTask task, Path out) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("deepfact-test")
                .set("spark.ui.enabled", "false") // no web UI: faster start, no port
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        try (SparkSweepExecutor executor = new SparkSweepExecutor(conf, task)) {
            return run(SparkMain.commandLine(executor), args(out));
        }
    }

    /** The command line's files for the grid, on 2 threads. */
    @BeforeAll
    static void runTheGridWithTheCommandLine() {
        reference = dir.resolve("cli");
        List<String> all = new ArrayList<>(List.of("reproduce"));
        all.addAll(List.of(args(reference, "--threads", "2")));
        Run r = run(Main.commandLine(), all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
    }

    /** @return the CSV's lines without the column named seconds (wherever later columns put it) */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int at = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        assertTrue(at >= 0, "no seconds column in " + lines.get(0));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(at);
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static void assertSameFiles(Path spark) throws IOException {
        List<String> rows = withoutSeconds(reference.resolve("completion-runs.csv"));
        assertEquals(1 + 5, rows.size());
        assertEquals(rows, withoutSeconds(spark.resolve("completion-runs.csv")));
        assertEquals(Files.readAllLines(reference.resolve("completion-summary.csv")),
                Files.readAllLines(spark.resolve("completion-summary.csv")));
        for (String metric : new String[] {"reconstruction_error", "nuclear_norm", "effective_rank"}) {
            assertTrue(Files.size(spark.resolve("completion-m150-" + metric + ".png")) > 1000, metric);
        }
    }

    @Test
    void localSparkWritesTheCommandLinesFilesAndADivergedRunIsARow() throws IOException {
        Path out = dir.resolve("spark");
        Run r = spark("local[2]", RunTask.ENGINE, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("5 runs on Spark (master local[2]"), r.out());
        assertTrue(r.out().contains("ground truth: nuclear norm"), r.out());
        assertSameFiles(out);
        assertTrue(Files.readString(out.resolve("completion-runs.csv")).contains(",diverged,NaN,NaN,NaN,NaN,"),
                "lr 10 diverges and is a row");
    }

    /** Dies on the first attempt of the run at grid position 1. */
    static final class FailOnce implements RunTask {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayList<String> run(String gridText, int position) throws Exception {
            if (position == 1 && TaskContext.get().attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("task killed on purpose");
            }
            return ENGINE.run(gridText, position);
        }
    }

    @Test
    void aTaskThatDiesOnceIsRetriedWithTheSameResult() throws IOException {
        FAILURES.set(0);
        Path out = dir.resolve("retried");
        Run r = spark("local[2,2]", new FailOnce(), out); // local[threads, maxFailures]
        assertEquals(0, r.code(), r.err());
        assertEquals(1, FAILURES.get());
        assertSameFiles(out);
    }

    /** Dies on every attempt of the run at grid position 2. */
    static final class AlwaysFails implements RunTask {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayList<String> run(String gridText, int position) throws Exception {
            if (position == 2) { // the heaviest run, started first: the job aborts early
                throw new IllegalStateException("task killed on purpose");
            }
            return ENGINE.run(gridText, position);
        }
    }

    @Test
    void aJobThatCannotFinishFailsAndWritesNothing() throws IOException {
        Path out = dir.resolve("failed");
        Run r = spark("local[2,2]", new AlwaysFails(), out);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("deepfact: error: Spark job failed, nothing written: "), r.err());
        assertFalse(r.err().contains("\tat "), "one line, no stack trace: " + r.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "no CSV, no chart, no temporary file");
        }
    }
}
