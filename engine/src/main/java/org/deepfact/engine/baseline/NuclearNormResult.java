package org.deepfact.engine.baseline;

import org.ejml.data.DMatrixRMaj;

/** The solver's matrix and its report. The matrix is the caller's to keep (a fresh copy). */
public record NuclearNormResult(DMatrixRMaj solution, NuclearNormReport report) {
}
