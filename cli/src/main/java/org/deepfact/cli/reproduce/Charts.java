package org.deepfact.cli.reproduce;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The reproduce command's PNG charts, drawn with JFreeChart. */
final class Charts {

    /**
     * One curve with error bars: x, mean y, and the bar's low and high end per point; drawn in
     * colour {@code color} of the palette, solid for {@code dash} 0 and dashed otherwise (curves
     * that differ only in the learning rate often lie on top of each other: a dash keeps both visible).
     */
    record Curve(String name, double[] x, double[] y, double[] low, double[] high, int color, int dash) {
    }

    /** A horizontal reference line, e.g. the nuclear-norm baseline or the ground truth. */
    record Line(String label, double value, Paint paint) {
    }

    /** A faint reference point (a value quoted from the authors' notebook) in the colour of curve {@code color}. */
    record Marker(double x, double y, int color) {
    }

    /** One line without error bars, e.g. a singular value against iteration. */
    record Trace(String name, double[] x, double[] y) {
    }

    static final int WIDTH = 800;
    static final int HEIGHT = 560;

    private static final Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private Charts() {
    }

    /**
     * Mean with error bars against a log x axis, on a log y axis ({@code logY}: ticks at powers of
     * ten) or else a linear one over the data's range, switching to a log axis with ticks at 1, 2 ..
     * 10, 20 .. when the values span more than a factor 4; with horizontal reference lines; the y
     * range covers the curves and the lines.
     */
    static void errorBarChart(File file, String title, String xLabel, String yLabel, boolean logY, List<Curve> curves,
            List<Line> lines) throws IOException {
        errorBarChart(file, title, xLabel, yLabel, logY, curves, lines, List.of());
    }

    /** As above, with faint reference markers (hollow diamonds) that also widen the ranges. */
    static void errorBarChart(File file, String title, String xLabel, String yLabel, boolean logY, List<Curve> curves,
            List<Line> lines, List<Marker> markers) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            YIntervalSeries s = new YIntervalSeries(c.name());
            for (int i = 0; i < c.x().length; i++) {
                if (!Double.isFinite(c.y()[i]) || (logY && !(c.y()[i] > 0))) {
                    continue;
                }
                s.add(c.x()[i], c.y()[i], c.low()[i], c.high()[i]);
                lo = Math.min(lo, logY && !(c.low()[i] > 0) ? c.y()[i] : c.low()[i]);
                hi = Math.max(hi, c.high()[i]);
                xlo = Math.min(xlo, c.x()[i]);
                xhi = Math.max(xhi, c.x()[i]);
            }
            data.addSeries(s);
        }
        for (Line l : lines) {
            if (Double.isFinite(l.value()) && (!logY || l.value() > 0)) {
                lo = Math.min(lo, l.value());
                hi = Math.max(hi, l.value());
            }
        }
        for (Marker mk : markers) {
            if (mk.y() > 0 && mk.x() > 0 && Double.isFinite(mk.y())) {
                lo = Math.min(lo, mk.y());
                hi = Math.max(hi, mk.y());
                xlo = Math.min(xlo, mk.x());
                xhi = Math.max(xhi, mk.x());
            }
        }
        LogAxis x = logAxis(xLabel);
        if (xlo <= xhi) {
            x.setRange(xlo / 2, xhi * 2);
        }
        boolean wide = !logY && lo > 0 && hi / lo > 4;
        ValueAxis y = logY ? logAxis(yLabel) : wide ? labelledLogAxis(yLabel) : linearAxis(yLabel);
        if (lo <= hi) {
            if (logY || wide) {
                y.setRange(lo / 3, hi * 3);
            } else {
                // the data's own range, not from 0: nuclear norms of 216 vs 220 must not look equal
                double pad = Math.max(1e-3 * Math.max(Math.abs(hi), 1e-9), 0.1 * (hi - lo));
                y.setRange(lo - pad, hi + pad);
            }
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(6);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            renderer.setSeriesPaint(i, PALETTE[c.color() % PALETTE.length]);
            renderer.setSeriesStroke(i, c.dash() == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f + 3f * c.dash(), 4f}, 0f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (!markers.isEmpty()) {
            XYSeriesCollection refs = new XYSeriesCollection();
            XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(false, true);
            for (Marker mk : markers) {
                XYSeries s = new XYSeries("notebook " + refs.getSeriesCount(), false, true);
                s.add(mk.x(), mk.y());
                faint.setSeriesPaint(refs.getSeriesCount(), faint((Color) PALETTE[mk.color() % PALETTE.length]));
                faint.setSeriesShape(refs.getSeriesCount(), new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10));
                faint.setSeriesVisibleInLegend(refs.getSeriesCount(), refs.getSeriesCount() == 0);
                refs.addSeries(s);
            }
            faint.setDefaultShapesFilled(false);
            faint.setUseOutlinePaint(false);
            faint.setLegendItemLabelGenerator((d, series) -> "authors' notebook (read off, +-20%)");
            plot.setDataset(1, refs);
            plot.setRenderer(1, faint);
        }
        addLines(plot, lines);
        save(file, title, plot);
    }

    /** @return the colour, mostly transparent: reference values that must not hide our curves */
    static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    /** Several traces against a linear x axis and a log y axis, e.g. singular values over time. */
    static void traceChart(File file, String title, String xLabel, String yLabel, List<Trace> traces, List<Line> lines)
            throws IOException {
        traceChart(file, title, xLabel, yLabel, traces, lines, false);
    }

    /** As above; {@code logX} puts the x axis (e.g. the step) on a log scale, leaving out x = 0. */
    static void traceChart(File file, String title, String xLabel, String yLabel, List<Trace> traces, List<Line> lines,
            boolean logX) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trace t : traces) {
            XYSeries s = new XYSeries(t.name(), false, true);
            for (int i = 0; i < t.x().length; i++) {
                if (t.y()[i] > 0 && Double.isFinite(t.y()[i]) && (!logX || t.x()[i] > 0)) {
                    s.add(t.x()[i], t.y()[i]);
                    lo = Math.min(lo, t.y()[i]);
                    hi = Math.max(hi, t.y()[i]);
                }
            }
            data.addSeries(s);
        }
        for (Line l : lines) {
            if (l.value() > 0 && Double.isFinite(l.value())) {
                lo = Math.min(lo, l.value());
                hi = Math.max(hi, l.value());
            }
        }
        ValueAxis x;
        if (logX) {
            x = logAxis(xLabel);
        } else {
            NumberAxis linear = new NumberAxis(xLabel);
            linear.setAutoRangeIncludesZero(true);
            x = linear;
        }
        LogAxis y = logAxis(yLabel);
        if (lo <= hi) {
            y.setRange(Math.max(lo / 3, hi * 1e-12), hi * 3);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        style(renderer, traces.size());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        addLines(plot, lines);
        save(file, title, plot);
    }

    /**
     * Traces on chosen axes: {@code logX} / {@code logY} give base-10 log axes (non-positive
     * points are left out), {@code invertX} runs x from high to low (a loss falling over time).
     */
    static void xyChart(File file, String title, String xLabel, String yLabel, List<Trace> traces, boolean logX,
            boolean invertX, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Trace t : traces) {
            XYSeries s = new XYSeries(t.name(), false, true);
            for (int i = 0; i < t.x().length; i++) {
                double xv = t.x()[i];
                double yv = t.y()[i];
                if (Double.isFinite(xv) && Double.isFinite(yv) && (!logX || xv > 0) && (!logY || yv > 0)) {
                    s.add(xv, yv);
                }
            }
            data.addSeries(s);
        }
        ValueAxis x = logX ? labelledLogAxis(xLabel) : linearAxis(xLabel);
        x.setInverted(invertX);
        ValueAxis y = logY ? labelledLogAxis(yLabel) : linearAxis(yLabel);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        style(renderer, traces.size());
        save(file, title, new XYPlot(data, x, y, renderer));
    }

    /**
     * A log axis for values within a decade or two (effective rank 5 vs 70): labelled ticks at
     * 1, 2, 3 .. 10, 20 .. so that it never shows one tick or none.
     */
    private static NumberAxis labelledLogAxis(String label) {
        LogarithmicAxis a = new LogarithmicAxis(label);
        a.setStrictValuesFlag(false);
        a.setAutoRangeNextLogFlag(false);
        return a;
    }

    private static NumberAxis linearAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** A base-10 log axis with ticks at whole powers of ten only. */
    private static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        a.setAutoTickUnitSelection(false);
        a.setTickUnit(new NumberTickUnit(1.0), false, false);
        return a;
    }

    private static void style(XYLineAndShapeRenderer renderer, int n) {
        for (int i = 0; i < n; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
    }

    /** Dashed horizontal lines; their labels alternate right and left so that close lines stay legible. */
    private static void addLines(XYPlot plot, List<Line> lines) {
        int labelled = 0;
        for (Line l : lines) {
            if (!Double.isFinite(l.value())) {
                continue;
            }
            ValueMarker m = new ValueMarker(l.value(), l.paint(), new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            m.setLabel(l.label());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            m.setLabelPaint(l.paint());
            boolean right = l.label().isEmpty() || labelled++ % 2 == 0;
            m.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
    }

    private static void save(File file, String title, XYPlot plot) throws IOException {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file.toPath(), tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT));
    }
}
