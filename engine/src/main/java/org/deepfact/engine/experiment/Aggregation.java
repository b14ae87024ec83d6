package org.deepfact.engine.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Groups rows by a key and summarises a metric per group, groups in order of first appearance. */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * @param rows the rows, e.g. run results in grid order
     * @param key the group of a row (needs equals/hashCode, e.g. a record)
     * @return the rows of each group, groups in order of first appearance, rows in input order
     */
    public static <T, K> Map<K, List<T>> groups(List<T> rows, Function<? super T, ? extends K> key) {
        Map<K, List<T>> out = new LinkedHashMap<>();
        for (T row : rows) {
            out.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return out;
    }

    /** @return mean, std, min and max of {@code metric} for every group */
    public static <T, K> Map<K, Stats> summarize(List<T> rows, Function<? super T, ? extends K> key,
            ToDoubleFunction<? super T> metric) {
        Map<K, Stats> out = new LinkedHashMap<>();
        for (Map.Entry<K, List<T>> g : Aggregation.<T, K>groups(rows, key).entrySet()) {
            out.put(g.getKey(), Stats.of(g.getValue().stream().mapToDouble(metric).toArray()));
        }
        return out;
    }
}
