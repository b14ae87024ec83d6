package org.deepfact.cli.reproduce;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

import org.deepfact.engine.experiment.SweepRunner;

/**
 * A one-line terminal progress bar with elapsed time and ETA, for {@link SweepRunner}.
 *
 * <p>Why a small class rather than a library: the well-kept Java progress-bar library
 * (me.tongfei:progressbar) pulls in JLine for terminal handling; the sweep needs only a
 * carriage-return redraw on stderr, and without a terminal (CI logs, redirection) one plain
 * line per finished run, both of which take a few lines here.
 *
 * <p>The ETA is elapsed * (1 - f) / f with f the sweep's weighted fraction (runs report their
 * own progress, weighted by an estimate of their cost), shown once f &gt;= 2 %.
 */
public final class ProgressBar implements SweepRunner.Listener {

    /** Redraw in place (a terminal), print one line per finished run, or print nothing. */
    enum Mode {
        BAR, LINES, NONE;

        static Mode auto() {
            return System.console() != null ? BAR : LINES;
        }
    }

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final Mode mode;
    private final String title;
    private final long start = System.nanoTime();
    private int lastDone = -1;
    private int lastLength;

    /** A sweep's results and the wall-clock seconds it took. */
    record Timed<T>(T value, double seconds) {
    }

    /** Runs a sweep with a progress bar on {@code err} (the command's stderr) titled {@code title}, closes the bar and times the sweep. */
    static <T> Timed<T> run(Mode mode, String title, PrintWriter err, Function<SweepRunner.Listener, T> sweep) {
        ProgressBar bar = new ProgressBar(err, mode, title);
        long start = System.nanoTime();
        try {
            T value = sweep.apply(bar);
            return new Timed<>(value, (System.nanoTime() - start) * 1e-9);
        } finally {
            bar.close();
        }
    }

    ProgressBar(PrintWriter out, Mode mode, String title) {
        this.out = out;
        this.mode = mode;
        this.title = title;
    }

    @Override
    public synchronized void update(double fraction, int done, int total, String lastMessage) {
        if (mode == Mode.NONE) {
            return;
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        String eta = fraction >= 0.02 && fraction < 1 ? clock(elapsed * (1 - fraction) / fraction)
                : fraction >= 1 ? clock(0) : "--:--";
        String counts = String.format(Locale.ROOT, "%3.0f%%  %d/%d runs  %s elapsed  ETA %s", 100 * fraction, done,
                total, clock(elapsed), eta);
        if (mode == Mode.LINES) {
            if (done != lastDone) {
                lastDone = done;
                out.println(title + ": " + counts);
                out.flush();
            }
            return;
        }
        int filled = (int) Math.round(WIDTH * Math.max(0, Math.min(1, fraction)));
        StringBuilder line = new StringBuilder(title).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ").append(counts);
        int pad = Math.max(0, lastLength - line.length());
        lastLength = line.length();
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
    }

    /** Ends the bar's line (a terminal) so that later output starts on a fresh line. */
    synchronized void close() {
        if (mode == Mode.BAR && lastLength > 0) {
            out.println();
            out.flush();
        }
    }

    /** @return m:ss or h:mm:ss */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
