package org.deepfact.engine.data;

import org.deepfact.engine.Choice;

/** How the observed entries are drawn (science.md section 1); each names one {@link Samplers} method. */
public enum SamplingScheme implements Choice {
    /** {@link Samplers#uniform}: exactly m entries, uniformly without replacement (the paper's). */
    UNIFORM_COUNT,
    /** {@link Samplers#uniformFraction}: a fraction of all entries, uniformly without replacement. */
    UNIFORM_FRACTION,
    /** {@link Samplers#bernoulli}: every entry independently with probability p. */
    BERNOULLI,
    /** {@link Samplers#perRow}: the same number of entries in every row. */
    PER_ROW,
    /** {@link Samplers#powerLaw}: m entries, rows and columns weighted by a power law. */
    POWER_LAW;

    public static SamplingScheme parse(String id) {
        return Choice.parse(SamplingScheme.class, id, "sampling scheme");
    }
}
