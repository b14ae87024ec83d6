package org.deepfact.engine.data;

/**
 * What low-rank ground truth to generate (see science.md section 1).
 *
 * @param rows number of rows, >= 1
 * @param cols number of columns, >= 1
 * @param rank rank r, 1 <= r <= min(rows, cols)
 * @param seed random seed; same seed, same matrix (bit for bit)
 * @param structure general, symmetric indefinite or PSD (the last two need a square matrix)
 * @param conditionNumber NaN for the paper's Gaussian factors; otherwise a value >= 1 giving
 *        a geometric singular-value profile sigma_i = kappa^(-(i-1)/(r-1)) with random
 *        orthonormal singular vectors
 */
public record GroundTruthSpec(int rows, int cols, int rank, long seed, Structure structure, double conditionNumber) {

    /** Symmetry class of the generated matrix. */
    public enum Structure implements org.deepfact.engine.Choice {
        /** W* = U V^T / sqrt(r), U and V independent. */
        GENERAL,
        /**
         * W* = U D U^T / sqrt(r) with D a random diagonal of signs: symmetric, usually indefinite.
         * Not the authors' "symmetric" target (V = U), which is {@link #PSD}; hence the long name.
         */
        SYMMETRIC_INDEFINITE,
        /** W* = U U^T / sqrt(r) (science.md's "V = U", the authors' symmetric target): PSD. */
        PSD;

        /** "symmetric", this constant's id before it was renamed, still loads (old workflows). */
        @Override
        public java.util.List<String> aliases() {
            return this == SYMMETRIC_INDEFINITE ? java.util.List.of("symmetric") : java.util.List.of();
        }

        public static Structure parse(String id) {
            return org.deepfact.engine.Choice.parse(Structure.class, id, "structure");
        }
    }

    /** The paper's default: general Gaussian factors, no prescribed profile. */
    public static GroundTruthSpec of(int rows, int cols, int rank, long seed) {
        return new GroundTruthSpec(rows, cols, rank, seed, Structure.GENERAL, Double.NaN);
    }

    /** @return a copy with another structure */
    public GroundTruthSpec withStructure(Structure s) {
        return new GroundTruthSpec(rows, cols, rank, seed, s, conditionNumber);
    }

    /** @return a copy with a geometric singular-value profile of the given condition number */
    public GroundTruthSpec withConditionNumber(double kappa) {
        return new GroundTruthSpec(rows, cols, rank, seed, structure, kappa);
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public void validate() {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Matrix shape must be positive, got rows = " + rows + ", cols = " + cols);
        }
        if (rank < 1) {
            throw new IllegalArgumentException("Rank must be >= 1, got " + rank);
        }
        if (rank > Math.min(rows, cols)) {
            throw new IllegalArgumentException("Rank " + rank + " exceeds min(rows, cols) = " + Math.min(rows, cols));
        }
        if (structure == null) {
            throw new IllegalArgumentException("Structure must be given (GENERAL, SYMMETRIC_INDEFINITE or PSD)");
        }
        if (structure != Structure.GENERAL && rows != cols) {
            throw new IllegalArgumentException(structure + " ground truth needs a square matrix, got "
                    + rows + " x " + cols);
        }
        if (!Double.isNaN(conditionNumber) && !(conditionNumber >= 1 && conditionNumber < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Condition number must be finite and >= 1 (or NaN for none), got "
                    + conditionNumber);
        }
    }
}
