package org.deepfact.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.deepfact.cli.reproduce.RunRows;
import org.deepfact.cli.reproduce.SweepExecutor;
import org.deepfact.engine.experiment.GridText;
import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.RunSpec;
import org.deepfact.engine.experiment.Shard;
import org.deepfact.engine.experiment.SweepGrid;
import org.deepfact.engine.experiment.SweepRunner;

/**
 * Runs a sweep's runs as Spark tasks, one partition per run: a run is the unit Spark schedules
 * and, when a task dies (an executor lost, an exception), retries, up to
 * {@code spark.task.maxFailures}. A retried run makes the same numbers, because its seeds come
 * from its grid coordinates. The results come back in grid order only when every task succeeded;
 * a diverged run is a row like any other (the engine stops it and reports it), not a failure.
 */
public final class SparkSweepExecutor implements SweepExecutor, AutoCloseable {

    private final SparkConf conf;
    private final RunTask task;
    private JavaSparkContext context;

    /**
     * @param conf Spark's configuration (spark-submit's master, or e.g. local[2] in tests)
     * @param task what a task runs ({@link RunTask#ENGINE}; tests wrap it)
     */
    public SparkSweepExecutor(SparkConf conf, RunTask task) {
        this.conf = conf;
        this.task = task;
    }

    /** Started on the first sweep, so that --help or a bad option needs no Spark. */
    private synchronized JavaSparkContext context() {
        if (context == null) {
            context = new JavaSparkContext(conf);
        }
        return context;
    }

    @Override
    public List<RunResult> execute(SweepGrid grid, Shard shard, int threads, SweepRunner.Listener listener) {
        List<RunSpec> all = grid.runs();
        List<Integer> positions = new ArrayList<>(shard.positions(all.size()));
        if (positions.isEmpty()) {
            return List.of();
        }
        // Heaviest first, as the local runner does: Spark starts tasks in partition order, and a
        // long run started last would stretch the sweep's wall time. Results go back to grid order.
        positions.sort(Comparator.comparingDouble((Integer p) -> -RecoverySweep.estimatedCost(all.get(p)))
                .thenComparing(p -> p));
        String gridText = GridText.encode(grid);
        RunTask t = task; // captured by the closure instead of this executor, which is not serializable
        JavaSparkContext sc = context();
        Progress progress = new Progress(listener, positions.size());
        sc.sc().addSparkListener(progress);
        List<ArrayList<String>> rows;
        try {
            sc.setJobDescription("deepfact " + grid.problem().id() + " " + GridText.fingerprint(grid) + " shard " + shard);
            rows = sc.parallelize(positions, positions.size()).map(i -> t.run(gridText, i)).collect();
        } catch (Exception e) { // Scala throws SparkException, a checked exception, without declaring it
            throw new IllegalStateException("Spark job failed, nothing written: " + firstLine(e), e);
        } finally {
            sc.sc().removeSparkListener(progress);
        }
        Map<Integer, RunResult> byPosition = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byPosition.put(positions.get(i), RunRows.parse(all.get(positions.get(i)), rows.get(i)));
        }
        return new ArrayList<>(byPosition.values());
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m.lines().findFirst().orElse("");
    }

    @Override
    public String where(int threads) {
        return "Spark (master " + context().master() + ", one task per run)";
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    /** Finished tasks to the progress listener (successful ones only: a retried run counts once). */
    private static final class Progress extends SparkListener {
        private final SweepRunner.Listener listener;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(SweepRunner.Listener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (listener != null && end.taskInfo() != null && end.taskInfo().successful()) {
                int d = Math.min(total, done.incrementAndGet());
                listener.update((double) d / total, d, total, "");
            }
        }
    }
}
