package org.deepfact.cli;

import org.deepfact.engine.data.GroundTruth;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.Observations;
import org.deepfact.engine.data.Samplers;
import org.ejml.data.DMatrixRMaj;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The generated completion problem shared by {@code train} and {@code nuclear}: a rank-r
 * ground truth from {@code --seed} and m entries sampled uniformly without replacement from
 * seed + 1, so both commands see the same problem for the same options.
 */
public final class ProblemOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "100", description = "Rows of the ground truth (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", defaultValue = "100", description = "Columns of the ground truth (default ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--rank", defaultValue = "5", description = "Rank of the ground truth (default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--observations", defaultValue = "2000",
            description = "Observed entries m, uniform without replacement (default ${DEFAULT-VALUE}).")
    int observations;

    @Option(names = "--noise-std", paramLabel = "SIGMA", defaultValue = "0",
            description = "Standard deviation of Gaussian noise added to each observed value, seed + 3 "
                    + "(default ${DEFAULT-VALUE}: none).")
    double noiseStd;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed: ground truth uses it, observations seed+1 (train: initialisation seed+2) "
                    + "(default ${DEFAULT-VALUE}).")
    long seed;

    /** The ground truth and its observed entries (noisy with --noise-std). */
    public record Generated(DMatrixRMaj truth, Observations observed) {

        /** @return the clean values of every unobserved entry, or null when all are observed */
        public Observations heldOut() {
            return observed.size() == truth.getNumElements() ? null : Samplers.complement(observed, truth);
        }
    }

    /** Adds rows, cols, rank and observations to a JSON record. */
    Json describe(Json json) {
        return json.put("rows", rows).put("cols", cols).put("rank", rank).put("observations", observations)
                .put("noise_std", noiseStd);
    }

    /** @return e.g. "100 x 100, rank 5, m = 2000" */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%d x %d, rank %d, m = %d", rows, cols, rank, observations)
                + (noiseStd > 0 ? ", noise std " + noiseStd : "");
    }

    /** @throws ParameterException (exit code 2) naming the first bad option */
    void validate() {
        check(spec, rows >= 1, "--rows must be >= 1, got " + rows);
        check(spec, cols >= 1, "--cols must be >= 1, got " + cols);
        check(spec, rank >= 1, "--rank must be >= 1, got " + rank);
        check(spec, rank <= Math.min(rows, cols),
                "--rank " + rank + " exceeds min(--rows, --cols) = " + Math.min(rows, cols));
        check(spec, (long) rows * cols <= Integer.MAX_VALUE - 8, "--rows * --cols = " + (long) rows * cols
                + " entries do not fit one Java array (at most " + (Integer.MAX_VALUE - 8) + ")");
        check(spec, observations >= 1, "--observations must be >= 1, got " + observations);
        check(spec, observations <= (long) rows * cols,
                "--observations " + observations + " exceeds rows * cols = " + (long) rows * cols);
        check(spec, noiseStd >= 0 && noiseStd < Double.POSITIVE_INFINITY,
                "--noise-std must be finite and >= 0, got " + noiseStd);
    }

    /**
     * Validates the options, then generates the ground truth (seed), the sample (seed + 1) and, with
     * --noise-std, the noise on its values (seed + 3; seed + 2 is train's initialisation).
     */
    Generated generate() {
        return generate(GroundTruthSpec.Structure.GENERAL);
    }

    /** {@link #generate()} with a ground truth of the given structure (nuclear --psd: a PSD one). */
    Generated generate(GroundTruthSpec.Structure structure) {
        validate();
        DMatrixRMaj truth = GroundTruth.generate(GroundTruthSpec.of(rows, cols, rank, seed).withStructure(structure));
        Observations observed = Samplers.uniform(truth, observations, seed + 1);
        if (noiseStd > 0) {
            observed = Samplers.addGaussianNoise(observed, noiseStd, seed + 3);
        }
        return new Generated(truth, observed);
    }

    /** @throws ParameterException (exit code 2) with the message when {@code ok} is false */
    static void check(CommandSpec spec, boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
