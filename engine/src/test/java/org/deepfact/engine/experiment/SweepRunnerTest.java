package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.deepfact.engine.ProgressCallback;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {

    private static SweepRunner.Task<Integer> task(int i, double weight) {
        return new SweepRunner.Task<>() {
            @Override
            public String label() {
                return "task " + i;
            }

            @Override
            public double weight() {
                return weight;
            }

            @Override
            public Integer run(ProgressCallback callback) throws Exception {
                callback.progress(0.5, "half of " + i);
                Thread.sleep((i * 7) % 5);
                return i * i;
            }
        };
    }

    @Test
    void resultsComeBackInTaskOrderForAnyThreadCount() {
        List<SweepRunner.Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(task(i, 1 + (i % 3)));
        }
        for (int threads : new int[] {1, 2, 5}) {
            List<Integer> out = SweepRunner.run(tasks, threads, null, null);
            for (int i = 0; i < 20; i++) {
                assertEquals(i * i, out.get(i));
            }
        }
    }

    @Test
    void listenerEndsAtAllDone() {
        List<SweepRunner.Task<Integer>> tasks = List.of(task(1, 1), task(2, 3), task(3, 0));
        double[] last = {-1};
        int[] done = {-1};
        SweepRunner.run(tasks, 2, (fraction, d, total, msg) -> {
            last[0] = fraction;
            done[0] = d;
            assertEquals(3, total);
        }, null);
        assertEquals(1.0, last[0], 1e-12);
        assertEquals(3, done[0]);
    }

    @Test
    void aFailingRunIsNamedAndStopsTheSweep() {
        AtomicInteger started = new AtomicInteger();
        List<SweepRunner.Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int k = i;
            tasks.add(new SweepRunner.Task<>() {
                @Override
                public String label() {
                    return "run " + k;
                }

                @Override
                public double weight() {
                    return k == 3 ? 100 : 1;
                }

                @Override
                public Integer run(ProgressCallback callback) {
                    started.incrementAndGet();
                    if (k == 3) {
                        throw new IllegalStateException("boom");
                    }
                    return k;
                }
            });
        }
        SweepRunner.SweepException e = assertThrows(SweepRunner.SweepException.class,
                () -> SweepRunner.run(tasks, 1, null, null));
        assertTrue(e.getMessage().contains("run 3") && e.getMessage().contains("boom"), e.getMessage());
        // Heaviest first: run 3 started first, so the others were skipped.
        assertEquals(1, started.get());
    }

    @Test
    void rejectsNonPositiveThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(List.of(task(1, 1)), 0, null, null));
    }
}
