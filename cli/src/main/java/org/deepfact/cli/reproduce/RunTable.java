package org.deepfact.cli.reproduce;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deepfact.engine.experiment.RunResult;
import org.deepfact.engine.experiment.RunSpec;

/**
 * The per-run CSV of {@code reproduce completion|sensing} (a contract: columns are only ever
 * added at the end). Numbers are written with {@link Double#toString}, which round-trips
 * exactly; a value that does not apply (e.g. the depth of the nuclear-norm baseline) is empty.
 */
final class RunTable {

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("experiment", "rows", "cols", "rank", "m", "method", "depth", "init",
            "init_scale", "optimizer", "lr", "repeat", "truth_seed", "sample_seed", "seed", "iterations",
            "stop_reason", "train_loss", "reconstruction_error", "nuclear_norm", "effective_rank", "seconds");

    private RunTable() {
    }

    static void write(Path file, List<RunResult> results) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, format)) {
            for (RunResult r : results) {
                RunSpec s = r.spec();
                boolean dmf = !s.nuclear();
                csv.printRecord(s.problem().id(), s.rows(), s.cols(), s.rank(), s.m(), s.method(),
                        dmf ? Integer.toString(s.depth()) : "", dmf ? lower(s.init().name()) : "",
                        dmf ? num(s.initScale()) : "", dmf ? optimizerName(s) : "", dmf ? num(s.learningRate()) : "",
                        s.repeat(), s.truthSeed(), s.sampleSeed(), dmf ? Long.toString(s.seed()) : "", r.iterations(),
                        r.stopReason(), num(r.trainLoss()), num(r.reconstructionError()), num(r.nuclearNorm()),
                        num(r.effectiveRank()), String.format(Locale.ROOT, "%.3f", r.seconds()));
            }
        }
    }

    static String optimizerName(RunSpec s) {
        return lower(s.optimizer().name()).replace("_", "");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
