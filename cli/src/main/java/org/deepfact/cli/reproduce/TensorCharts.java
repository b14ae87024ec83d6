package org.deepfact.cli.reproduce;

import org.deepfact.cli.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deepfact.engine.tensor.CpHistoryRecord;
import org.deepfact.engine.tensor.TensorSweep;

/** The PNG charts of {@code reproduce tensor}, drawn with the reproduce command's {@link Charts}. */
final class TensorCharts {

    private TensorCharts() {
    }

    /** @return the number of charts written */
    static int write(Path dir, TensorSweep sweep, List<TensorSweep.Outcome> results, int headlineM) throws IOException {
        List<Integer> ms = sweep.grid().ms();
        List<Charts.Curve> errors = new ArrayList<>();
        List<Charts.Curve> ranks = new ArrayList<>();
        int color = 0;
        for (double s : sweep.grid().initStds()) {
            double[] x = new double[ms.size()];
            double[] e = new double[ms.size()];
            double[] r = new double[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                TensorSweep.Outcome o = TensorSummary.cp(results, ms.get(i), s);
                x[i] = ms.get(i);
                e[i] = o.reconstructionError();
                r[i] = o.tensorRank();
            }
            String name = "CP, init std " + Format.sci(s);
            errors.add(new Charts.Curve(name, x, e, e, e, color, 0));
            ranks.add(new Charts.Curve(name, x, r, r, r, color, 0));
            color++;
        }
        for (String method : List.of("unfolded_nuclear", "unfolded_dmf")) {
            for (int depth : method.equals("unfolded_dmf") ? sweep.grid().unfoldedDepths() : List.of(0)) {
                double[] x = new double[ms.size()];
                double[] e = new double[ms.size()];
                boolean any = false;
                for (int i = 0; i < ms.size(); i++) {
                    x[i] = ms.get(i);
                    e[i] = Double.NaN;
                    for (TensorSweep.Outcome o : results) {
                        if (o.run().method().equals(method) && o.run().m() == ms.get(i) && o.run().depth() == depth) {
                            e[i] = o.reconstructionError();
                            any = true;
                        }
                    }
                }
                if (any) {
                    String name = method.equals("unfolded_nuclear") ? "unfolding: min nuclear norm"
                            : "unfolding: depth-" + depth + " matrix factorization";
                    errors.add(new Charts.Curve(name, x, e, e, e, color++, 1));
                }
            }
        }
        String shape = sweep.groundTruth().shape() + ", rank " + sweep.grid().rank();
        Charts.errorBarChart(dir.resolve("tensor-reconstruction_error.png").toFile(),
                "Tensor completion " + shape + ": reconstruction error", "observed entries m",
                "||T - T*|| / ||T*||", true, errors, List.of());
        Charts.errorBarChart(dir.resolve("tensor-tensor_rank.png").toFile(),
                "Tensor completion " + shape + ": learned tensor rank", "observed entries m", "tensor rank", false, ranks,
                List.of(new Charts.Line("ground truth rank", sweep.grid().rank(), TensorCommand.GREY)));
        int charts = 2;
        double[] truth = TensorSummary.sortedDescending(sweep.groundTruth().cp().componentNorms());
        List<Charts.Line> lines = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            lines.add(new Charts.Line(i == 0 ? "ground truth component norms" : "", truth[i], TensorCommand.GREY));
        }
        for (double s : sweep.grid().initStds()) {
            List<CpHistoryRecord> h = TensorSummary.cp(results, headlineM, s).history();
            int k = h.get(0).topComponentNorms().length;
            List<Charts.Trace> traces = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double[] x = new double[h.size()];
                double[] y = new double[h.size()];
                for (int t = 0; t < h.size(); t++) {
                    x[t] = h.get(t).iteration();
                    y[t] = h.get(t).topComponentNorms()[j];
                }
                traces.add(new Charts.Trace("component " + (j + 1), x, y));
            }
            String sText = Format.sci(s);
            Charts.traceChart(dir.resolve("tensor-dynamics-m" + headlineM + "-s" + sText + ".png").toFile(),
                    String.format(Locale.ROOT, "%s, m = %d, init std %s: top %d component norms", shape, headlineM, sText, k),
                    "iteration", "component norm", traces, lines);
            charts++;
        }
        return charts;
    }
}
