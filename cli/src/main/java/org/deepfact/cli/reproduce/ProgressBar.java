package org.deepfact.cli.reproduce;

import org.deepfact.cli.ProgressOptions;
import org.deepfact.cli.Format;
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

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final ProgressOptions.Mode mode;
    private final String title;
    private final long start = System.nanoTime();
    private int lastDone = -1;
    private int lastLength;

    /** A sweep's results and the wall-clock seconds it took. */
    record Timed<T>(T value, double seconds) {
    }

    /** Runs a sweep with a progress bar on {@code err} (the command's stderr) titled {@code title}, closes the bar and times the sweep. */
    static <T> Timed<T> run(ProgressOptions.Mode mode, String title, PrintWriter err, Function<SweepRunner.Listener, T> sweep) {
        ProgressBar bar = new ProgressBar(err, mode, title);
        long start = System.nanoTime();
        try {
            T value = sweep.apply(bar);
            return new Timed<>(value, (System.nanoTime() - start) * 1e-9);
        } finally {
            bar.close();
        }
    }

    ProgressBar(PrintWriter out, ProgressOptions.Mode mode, String title) {
        this.out = out;
        this.mode = mode;
        this.title = title;
    }

    @Override
    public synchronized void update(double fraction, int done, int total, String lastMessage) {
        if (mode == ProgressOptions.Mode.NONE) {
            return;
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        String eta = fraction >= 0.02 && fraction < 1 ? Format.clock(elapsed * (1 - fraction) / fraction)
                : fraction >= 1 ? Format.clock(0) : "--:--";
        String counts = String.format(Locale.ROOT, "%3.0f%%  %d/%d runs  %s elapsed  ETA %s", 100 * fraction, done,
                total, Format.clock(elapsed), eta);
        if (mode == ProgressOptions.Mode.LINES) {
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
        if (mode == ProgressOptions.Mode.REDRAW && lastLength > 0) {
            out.println();
            out.flush();
        }
    }
}
