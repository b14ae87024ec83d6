package org.deepfact.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.engine.train.Trainer;
import org.deepfact.engine.train.TrainingConfig;
import org.deepfact.engine.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsTest {

    /**
     * A MovieLens-format u.data: 40 users (IDs 10, 20, ..) rate 60 items (IDs 1001 ..) with
     * rank-2 scores around 3 (rounded to halves), each pair with probability 0.6, in shuffled order.
     */
    static Path uData(Path dir) throws IOException {
        Random rnd = new Random(7);
        double[][] u = new double[40][2];
        double[][] v = new double[60][2];
        for (double[] a : u) {
            a[0] = rnd.nextGaussian();
            a[1] = rnd.nextGaussian();
        }
        for (double[] a : v) {
            a[0] = rnd.nextGaussian();
            a[1] = rnd.nextGaussian();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 39; i >= 0; i--) {
            for (int j = 0; j < 60; j++) {
                if (rnd.nextDouble() < 0.6) {
                    double r = 3 + 0.8 * (u[i][0] * v[j][0] + u[i][1] * v[j][1]);
                    b.append(10 * (i + 1)).append('\t').append(1001 + j).append('\t')
                            .append(Math.round(2 * r) / 2.0).append('\t').append(881250949 + i * 60 + j).append('\n');
                }
            }
        }
        Path f = dir.resolve("u.data");
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void roundTripBeatsTheMeanPredictorOnHeldOutRatings(@TempDir Path dir) throws IOException {
        Ratings r = Ratings.read(uData(dir));
        assertEquals(60, r.rows(), "items are the rows");
        assertEquals(40, r.cols());
        assertEquals("1001", r.itemIds().get(0));
        assertEquals("10", r.userIds().get(0));
        assertEquals("100", r.userIds().get(9), "IDs sort numerically, not as text");
        RecoveryProblem p = r.split(1000, 3);
        assertEquals(1000, p.observations().size());
        assertEquals(r.size() - 1000, p.heldOut().size());
        double mean = Ratings.mean(p.observations());
        double meanMse = 0;
        for (int k = 0; k < p.heldOut().size(); k++) {
            meanMse += Math.pow(p.heldOut().value(k) - mean, 2) / p.heldOut().size();
        }
        TrainingResult t = Trainer.train(p, TrainingConfig.builder().depth(2).init(InitKind.GAUSSIAN).initScale(1e-3)
                .optimizer(OptimizerKind.GROUP_RMSPROP).learningRate(1e-2).maxIterations(3000).lossThreshold(1e-2)
                .logEvery(500).build(), null);
        double heldOut = t.last().heldOutError();
        assertTrue(heldOut < 0.5 * meanMse, "held-out MSE " + heldOut + " vs the mean predictor's " + meanMse);
        assertTrue(Double.isNaN(t.last().reconstructionError()), "no ground truth for real ratings");
        // same seed, same split; another seed, another
        assertEquals(p.observations().row(5), r.split(1000, 3).observations().row(5));
    }

    @Test
    void csvWithHeaderGivesTheSameTable(@TempDir Path dir) throws IOException {
        Ratings tab = Ratings.read(uData(dir));
        StringBuilder b = new StringBuilder("timestamp,rating,movieId,userId\n");
        for (String line : Files.readAllLines(dir.resolve("u.data"))) {
            String[] f = line.split("\t");
            b.append(f[3]).append(',').append(f[2]).append(',').append(f[1]).append(',').append(f[0]).append('\n');
        }
        Path csv = dir.resolve("ratings.csv");
        Files.writeString(csv, b.toString());
        Ratings c = Ratings.read(csv);
        assertEquals(tab.itemIds(), c.itemIds());
        assertEquals(tab.userIds(), c.userIds());
        assertEquals(java.util.Arrays.toString(tab.value()), java.util.Arrays.toString(c.value()));
    }

    @Test
    void malformedFilesNameTheLineAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.data");
        Files.writeString(f, "1\t2\t3\t0\n1\t3\tfive\t0\n");
        String m = assertThrows(IllegalArgumentException.class, () -> Ratings.read(f)).getMessage();
        assertTrue(m.contains("line 2, field 3 (rating): 'five'"), m);
        Files.writeString(f, "1\t2\t3\t0\n1\t3\n");
        m = assertThrows(IllegalArgumentException.class, () -> Ratings.read(f)).getMessage();
        assertTrue(m.contains("line 2: 2 field(s)"), m);
        Files.writeString(f, "1\t2\t3\t0\n1\t2\t4\t0\n");
        m = assertThrows(IllegalArgumentException.class, () -> Ratings.read(f)).getMessage();
        assertTrue(m.contains("line 2: user 1 rated item 2 already on line 1"), m);
        Files.writeString(f, "who,what,score\n1,2,3\n");
        m = assertThrows(IllegalArgumentException.class, () -> Ratings.read(f)).getMessage();
        assertTrue(m.contains("line 1: no column named user"), m);
        Ratings ok = Ratings.read(uData(dir));
        m = assertThrows(IllegalArgumentException.class, () -> ok.split(ok.size(), 1)).getMessage();
        assertTrue(m.contains("training count"), m);
    }
}
