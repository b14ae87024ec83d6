package org.deepfact.engine.experiment;

import org.deepfact.engine.Choice;

/** The two recovery problems of science.md section 1 that the sweeps reproduce. */
public enum Problem implements Choice {
    /** Observe m entries uniformly without replacement. */
    COMPLETION,
    /** m Gaussian linear measurements y_i = &lt;A_i, W*&gt;. */
    SENSING;
}
