package org.deepfact.cli;

import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one progress option of every long command ({@code train}, {@code nuclear},
 * {@code reproduce ...}): progress goes to stderr so that stdout keeps only results.
 */
public final class ProgressOptions {

    /** Redraw one line in place (a terminal), print plain lines now and then, or print nothing. */
    public enum Mode {
        REDRAW, LINES, NONE
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "Progress on stderr: auto (one line redrawn in place on a terminal; otherwise plain lines:"
                    + " one per finished run of a sweep, one every 30 s of a single run), bar, lines or none"
                    + " (default: ${DEFAULT-VALUE}). Results always go to stdout.")
    String progress;

    /** Seconds between progress lines of a single run in lines mode (hidden: tests set 0 to see every report). */
    @Option(names = "--progress-seconds", hidden = true, defaultValue = "30")
    double lineSeconds;

    /** @throws ParameterException (exit 2) for an unknown mode or a negative interval */
    public Mode mode() {
        if (!(lineSeconds >= 0)) {
            throw new ParameterException(spec.commandLine(), "--progress-seconds must be >= 0, got " + lineSeconds);
        }
        return switch (progress.toLowerCase(Locale.ROOT)) {
            case "auto" -> System.console() != null ? Mode.REDRAW : Mode.LINES;
            case "bar" -> Mode.REDRAW;
            case "lines" -> Mode.LINES;
            case "none" -> Mode.NONE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--progress must be auto, bar, lines or none, got '" + progress + "'");
        };
    }

    /** @return true when --progress was left at auto */
    public boolean isAuto() {
        return "auto".equalsIgnoreCase(progress);
    }

    /** @return seconds between plain progress lines of a single long run */
    public double lineSeconds() {
        return lineSeconds;
    }
}
