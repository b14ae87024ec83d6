package org.deepfact.knime.completion;

import java.util.ArrayList;
import java.util.List;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InsufficientMemoryException;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * What the Learner and Nuclear Norm Completion share: their input ports (observed entries or a
 * sensing problem, and optionally a ground truth or held-out entries) turned into the engine's
 * {@link RecoveryProblem}, the key mapping of the rows and columns, and the warnings about the
 * data (rows or columns without an observation).
 *
 * @param problem what to recover, with its references
 * @param rowKeys matrix row index -> key
 * @param colKeys matrix column index -> key
 * @param warnings warnings about the data, for the node's warning message
 */
public record ProblemInput(RecoveryProblem problem, KeyIndex rowKeys, KeyIndex colKeys, List<String> warnings) {

    /** Refuses, before the problem's matrices are allocated, a shape the heap cannot hold. */
    @FunctionalInterface
    public interface MemoryCheck {
        /** @param operatorDoubles doubles a sensing operator holds (its stored A_i), 0 for completion */
        void check(int rows, int cols, long operatorDoubles) throws InsufficientMemoryException, InvalidSettingsException;
    }

    /**
     * @param entries observed entries, or null when a sensing problem is given
     * @param heldOut held-out entries (a test reference), or null
     * @param truth ground-truth matrix (a test reference), or null
     * @param sensing the sensing problem, or null for completion
     * @param memory called with the problem's shape before anything large is allocated
     */
    public static ProblemInput read(final BufferedDataTable entries, final BufferedDataTable heldOut,
        final DMatrixRMaj truth, final SensingProblemPortObject sensing, final EntriesSettings es,
        final MemoryCheck memory, final ExecutionMonitor mon)
        throws InvalidSettingsException, InvalidInputException, InsufficientMemoryException,
        CanceledExecutionException {
        List<String> warnings = new ArrayList<>();
        RecoveryProblem problem;
        KeyIndex rowKeys;
        KeyIndex colKeys;
        if (sensing != null) {
            EntriesInput.checkSensingShape(es, sensing.rows(), sensing.cols());
            // before operator(): it keeps all A_i in memory when they are small enough
            memory.check(sensing.rows(), sensing.cols(), sensing.operatorDoubles());
            problem = EngineCall.quick("Sensing problem",
                () -> RecoveryProblem.sensing(sensing.operator(), sensing.measurementValues()));
            rowKeys = KeyIndex.identity(problem.rows());
            colKeys = KeyIndex.identity(problem.cols());
            if (heldOut != null) {
                problem = problem.withHeldOut(EntriesInput.readHeldOut(heldOut, problem.rows(), problem.cols(), es, mon));
            }
        } else {
            EntriesInput.Data data = EntriesInput.read(entries, heldOut, truth == null ? 0 : truth.numRows,
                truth == null ? 0 : truth.numCols, es, mon);
            problem = RecoveryProblem.completion(data.observed());
            if (data.heldOut() != null) {
                problem = problem.withHeldOut(data.heldOut());
            }
            rowKeys = data.rowKeys();
            colKeys = data.colKeys();
            String empty = EntriesInput.emptyLinesWarning(data.observed());
            if (empty != null) {
                warnings.add(empty);
            }
            memory.check(problem.rows(), problem.cols(), 0);
        }
        if (truth != null) {
            final RecoveryProblem p = problem;
            problem = EngineCall.quick("Ground-truth matrix", () -> p.withGroundTruth(truth));
        }
        return new ProblemInput(problem, rowKeys, colKeys, warnings);
    }
}
