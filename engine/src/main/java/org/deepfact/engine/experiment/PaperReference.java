package org.deepfact.engine.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The only values quoted from the paper's authors (science.md section 7): the outputs printed
 * in their notebook {@code plot.ipynb} and values read off its Fig. 2 plot, each with its
 * precision. The one copy is {@code docs/paper-reference.csv}, packaged into the engine jar.
 * The paper itself has only plots; these are one instance (one seed) each.
 *
 * @param experiment completion, sensing, dynamics (synthetic Fig. 3) or dynamics-ratings (MovieLens)
 * @param m observations (-1 where not given)
 * @param method dmf or nuclear
 * @param depth factorization depth (-1 for the baseline)
 * @param initScale initialisation scale s, not the notebook's 10 x s (NaN where not given)
 * @param metric a column name of our tables, e.g. reconstruction_error
 * @param value the quoted value
 * @param quoted the value as written in the file (e.g. 0.820: its digits are the precision)
 * @param precision "printed" or "read off the plot, +-20%"
 * @param source where in the authors' notebook
 */
public record PaperReference(String experiment, int m, String method, int depth, double initScale, String metric,
        double value, String quoted, String precision, String source) {

    private static final String RESOURCE = "paper-reference.csv";
    private static final List<String> HEADER = List.of("experiment", "m", "method", "depth", "init_scale", "metric",
            "value", "precision", "source");

    private static volatile List<PaperReference> all;

    /** @return "~4e-5 (read off the plot, +-20%)" or "210.15 (printed)" */
    public String describe() {
        return (precision.equals("printed") ? "" : "~") + quoted + " (" + precision + ")";
    }

    /** @return whether this value belongs to that table row */
    public boolean matches(String experiment, int m, boolean nuclear, int depth, double initScale, String metric) {
        return this.experiment.equals(experiment) && this.m == m && this.method.equals(nuclear ? "nuclear" : "dmf")
                && this.metric.equals(metric)
                && (nuclear || (this.depth == depth && (Double.isNaN(this.initScale) || this.initScale == initScale)));
    }

    /** @return the first value for that table row, or null */
    public static PaperReference find(String experiment, int m, boolean nuclear, int depth, double initScale,
            String metric) {
        for (PaperReference r : all()) {
            if (r.matches(experiment, m, nuclear, depth, initScale, metric)) {
                return r;
            }
        }
        return null;
    }

    /** @return every quoted value, in file order */
    public static List<PaperReference> all() {
        List<PaperReference> a = all;
        if (a == null) {
            try (InputStream in = PaperReference.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the engine jar");
                }
                a = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all = a;
        }
        return a;
    }

    /** Parses the file: a header, then rows; a field may be double-quoted (no quotes inside). */
    static List<PaperReference> parse(BufferedReader reader) throws IOException {
        List<PaperReference> out = new ArrayList<>();
        String line = reader.readLine();
        if (line == null || !split(line).equals(HEADER)) {
            throw new IllegalArgumentException(RESOURCE + ": line 1 must be the header " + String.join(",", HEADER));
        }
        int no = 1;
        while ((line = reader.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException(RESOURCE + ": line " + no + " has " + f.size() + " fields, expected "
                        + HEADER.size());
            }
            try {
                out.add(new PaperReference(f.get(0), f.get(1).isEmpty() ? -1 : Integer.parseInt(f.get(1)), f.get(2),
                        f.get(3).isEmpty() ? -1 : Integer.parseInt(f.get(3)),
                        f.get(4).isEmpty() ? Double.NaN : Double.parseDouble(f.get(4)), f.get(5),
                        Double.parseDouble(f.get(6)), f.get(6), f.get(7), f.get(8)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RESOURCE + ": line " + no + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
