package org.deepfact.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.deepfact.cli.reproduce.ProgressBar;
import org.deepfact.engine.ProgressCallback;

/**
 * Progress of one long engine call (training, a nuclear-norm solve) on stderr, so stdout keeps
 * only results: on a terminal one line redrawn in place with the elapsed time and the rate;
 * otherwise (a log file, a pipe) one line every {@code lineSeconds}, so logs stay readable. The
 * engine's closing "stopped: ..." message is left out: the summary on stdout says why it stopped.
 */
final class StderrProgress implements ProgressCallback {

    private final PrintWriter err;
    private final ProgressOptions.Mode mode;
    private final double lineSeconds;
    private final long maxIterations;
    private String prefix = "";
    private long start = System.nanoTime();
    private double lastLine;
    private int lastLength;

    StderrProgress(PrintWriter err, ProgressOptions.Mode mode, double lineSeconds, long maxIterations) {
        this.err = err;
        this.mode = mode;
        this.lineSeconds = lineSeconds;
        this.maxIterations = maxIterations;
    }

    /** Starts timing a new call; {@code prefix} goes before every message (e.g. "solve 2/5: "). */
    void start(String newPrefix) {
        prefix = newPrefix;
        start = System.nanoTime();
        lastLine = 0;
    }

    @Override
    public void progress(double fraction, String message) {
        if (mode == ProgressOptions.Mode.NONE || message.startsWith("stopped")) {
            return;
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        String line = String.format(Locale.ROOT, "%s%s  (%s elapsed, %.0f it/s)", prefix, message,
                Format.clock(elapsed), fraction * maxIterations / Math.max(elapsed, 1e-9));
        if (mode == ProgressOptions.Mode.LINES) {
            if (elapsed - lastLine >= lineSeconds) {
                lastLine = elapsed;
                err.println(line);
                err.flush();
            }
            return;
        }
        int pad = Math.max(0, lastLength - line.length());
        lastLength = line.length();
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
    }

    /** Ends the redrawn line so that what follows starts on a fresh one. */
    void close() {
        if (lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    @Override
    public boolean isCanceled() {
        return false;
    }
}
