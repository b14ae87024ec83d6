package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The K-th of N disjoint parts of a sweep's runs, for spreading one grid over several machines
 * (a SLURM array job, GNU parallel, Kubernetes Jobs) and merging the parts afterwards. Run i of
 * {@link SweepGrid#runs()} (0-based, grid order) belongs to shard {@code i mod N + 1}: dealing
 * runs round-robin spreads every depth and learning rate over all shards, so shards take about
 * equally long, and the assignment depends on the grid alone, never on a machine or the time.
 *
 * @param index K, 1-based (SLURM: {@code --array=1-N})
 * @param count N, &gt;= 1
 */
public record Shard(int index, int count) {

    /** The whole grid as one shard. */
    public static final Shard ALL = new Shard(1, 1);

    /** @throws IllegalArgumentException unless 1 &lt;= index &lt;= count */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("Shard must be K/N with 1 <= K <= N, got " + index + "/" + count
                    + (index == 0 ? " (shards are numbered from 1: use e.g. SLURM's --array=1-" + Math.max(1, count)
                            + ")" : ""));
        }
    }

    /**
     * @param text "K/N", e.g. "2/8"
     * @throws IllegalArgumentException naming the text when it is not K/N with 1 &lt;= K &lt;= N
     */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash < 1 || slash == t.length() - 1 || !t.substring(0, slash).matches("\\d{1,9}")
                || !t.substring(slash + 1).matches("\\d{1,9}")) {
            throw new IllegalArgumentException("Shard must be K/N with whole numbers 1 <= K <= N (e.g. 2/8), got '"
                    + text + "'");
        }
        return new Shard(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
    }

    /** @return true when the whole grid is this one shard */
    public boolean isAll() {
        return count == 1;
    }

    /** @return whether run {@code gridIndex} (0-based position in grid order) belongs to this shard */
    public boolean contains(int gridIndex) {
        return gridIndex % count == index - 1;
    }

    /** @return the 0-based grid positions of this shard's runs among {@code total} runs, ascending */
    public List<Integer> positions(int total) {
        List<Integer> out = new ArrayList<>();
        for (int i = index - 1; i < total; i += count) {
            out.add(i);
        }
        return out;
    }

    /** @return this shard's items, in their order */
    public <T> List<T> select(List<T> all) {
        List<T> out = new ArrayList<>();
        for (int i : positions(all.size())) {
            out.add(all.get(i));
        }
        return out;
    }

    /** @return "K/N" */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
