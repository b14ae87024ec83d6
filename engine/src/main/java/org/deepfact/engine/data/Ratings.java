package org.deepfact.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A ratings table (science.md section 1, "Real ratings"), e.g. MovieLens 100K: the file is
 * either MovieLens {@code u.data} (user, item, rating, timestamp, tab-separated, no header) or
 * CSV with a header naming the columns (user / userId, item / movieId, rating; others ignored).
 * IDs are keys, not indices: they map to dense indices in sorted order (numbers numerically,
 * before texts). Items are the rows and users the columns, as the authors' 1682 x 943.
 *
 * @param file where it was read from (for messages)
 * @param itemIds the item key of each row index
 * @param userIds the user key of each column index
 * @param row item index of each rating, in file order
 * @param col user index of each rating
 * @param value the rating
 */
public record Ratings(String file, List<String> itemIds, List<String> userIds, int[] row, int[] col, double[] value) {

    public int rows() {
        return itemIds.size();
    }

    public int cols() {
        return userIds.size();
    }

    public int size() {
        return value.length;
    }

    /**
     * @throws IllegalArgumentException naming the file, line and field of the first malformed
     *         line, or of a (user, item) pair rated twice
     */
    public static Ratings read(Path file) throws IOException {
        List<String[]> fields = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String name = file.toString();
        int userField;
        int itemField;
        int ratingField;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new IllegalArgumentException(name + ": the file is empty");
            }
            boolean tabs = first.indexOf('\t') >= 0;
            String sep = tabs ? "\t" : ",";
            String[] head = first.split(sep, -1);
            int no = 1;
            if (tabs && isNumber(head[0].trim())) { // u.data: user item rating timestamp
                userField = 0;
                itemField = 1;
                ratingField = 2;
                fields.add(head);
                lineNumbers.add(1);
            } else {
                userField = column(head, name, "user", "userid", "user_id");
                itemField = column(head, name, "item", "itemid", "item_id", "movieid", "movie_id", "movie");
                ratingField = column(head, name, "rating");
            }
            String line;
            while ((line = in.readLine()) != null) {
                no++;
                if (!line.isBlank()) {
                    fields.add(line.split(sep, -1));
                    lineNumbers.add(no);
                }
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(name + ": no ratings after the header");
        }
        int need = Math.max(userField, Math.max(itemField, ratingField)) + 1;
        int n = fields.size();
        String[] users = new String[n];
        String[] items = new String[n];
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            String[] f = fields.get(k);
            String where = name + " line " + lineNumbers.get(k);
            if (f.length < need) {
                throw new IllegalArgumentException(where + ": " + f.length + " field(s), expected at least " + need);
            }
            users[k] = key(f[userField], where, userField);
            items[k] = key(f[itemField], where, itemField);
            String text = f[ratingField].trim();
            try {
                value[k] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ", field " + (ratingField + 1) + " (rating): '" + text
                        + "' is not a number");
            }
            if (!Double.isFinite(value[k])) {
                throw new IllegalArgumentException(where + ", field " + (ratingField + 1) + " (rating): '" + text
                        + "' is not a finite number");
            }
        }
        Map<String, Integer> itemIndex = index(items);
        Map<String, Integer> userIndex = index(users);
        int[] row = new int[n];
        int[] col = new int[n];
        Map<Long, Integer> seen = new HashMap<>();
        for (int k = 0; k < n; k++) {
            row[k] = itemIndex.get(items[k]);
            col[k] = userIndex.get(users[k]);
            Integer before = seen.put((long) row[k] * userIndex.size() + col[k], k);
            if (before != null) {
                throw new IllegalArgumentException(name + " line " + lineNumbers.get(k) + ": user " + users[k]
                        + " rated item " + items[k] + " already on line " + lineNumbers.get(before));
            }
        }
        return new Ratings(name, List.copyOf(itemIndex.keySet()), List.copyOf(userIndex.keySet()), row, col, value);
    }

    /**
     * The authors' split: {@code trainCount} ratings drawn uniformly without replacement with the
     * seed train the model; the rest are held out (their error is the held-out MSE).
     *
     * @throws IllegalArgumentException when trainCount is not in [1, size - 1]
     */
    public RecoveryProblem split(int trainCount, long seed) {
        if (trainCount < 1 || trainCount >= size()) {
            throw new IllegalArgumentException("The training count must be in [1, " + (size() - 1) + "] (the file has "
                    + size() + " ratings and at least one is held out), got " + trainCount);
        }
        int[] order = new int[size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Random rnd = new Random(seed);
        for (int k = 0; k < trainCount; k++) { // partial Fisher-Yates: the first trainCount are the sample
            int j = k + rnd.nextInt(order.length - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        return RecoveryProblem.completion(subset(order, 0, trainCount))
                .withHeldOut(subset(order, trainCount, order.length));
    }

    /** @return the mean of the training ratings' values: the mean predictor's constant */
    public static double mean(Observations o) {
        double s = 0;
        for (int k = 0; k < o.size(); k++) {
            s += o.value(k);
        }
        return s / o.size();
    }

    private Observations subset(int[] order, int from, int to) {
        int n = to - from;
        int[] r = new int[n];
        int[] c = new int[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            int e = order[from + k];
            r[k] = row[e];
            c[k] = col[e];
            v[k] = value[e];
        }
        return Observations.of(rows(), cols(), r, c, v);
    }

    private static int column(String[] header, String file, String... names) {
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim().toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (h.equals(n)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(file + " line 1: no column named " + String.join(" / ", names)
                + " in the header " + String.join(",", header) + " (a CSV needs a header naming user, item and "
                + "rating; MovieLens u.data is tab-separated without one)");
    }

    private static String key(String text, String where, int field) {
        String k = text.trim();
        if (k.isEmpty()) {
            throw new IllegalArgumentException(where + ", field " + (field + 1) + ": empty ID");
        }
        return k;
    }

    /** Sorted keys (numbers numerically, before texts) to 0-based indices. */
    private static Map<String, Integer> index(String[] keys) {
        TreeMap<String, Integer> sorted = new TreeMap<>((a, b) -> {
            boolean na = isNumber(a);
            boolean nb = isNumber(b);
            if (na && nb) {
                int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                return c != 0 ? c : a.compareTo(b);
            }
            return na ? -1 : nb ? 1 : a.compareTo(b);
        });
        for (String k : keys) {
            sorted.put(k, 0);
        }
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String k : sorted.keySet()) {
            out.put(k, out.size());
        }
        return out;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
