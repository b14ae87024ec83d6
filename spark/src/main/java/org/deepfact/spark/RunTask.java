package org.deepfact.spark;

import java.io.Serializable;
import java.util.ArrayList;

import org.deepfact.cli.reproduce.RunRows;
import org.deepfact.engine.ProgressCallback;
import org.deepfact.engine.experiment.GridText;
import org.deepfact.engine.experiment.RecoverySweep;
import org.deepfact.engine.experiment.RunSpec;

/**
 * What one Spark task does: rebuild the grid from its text, run the run at one grid position
 * (single-threaded, as every sweep run) and return its runs-CSV cells. Tasks carry text and
 * return text because the engine's records are not {@link Serializable}, and the cells are
 * exactly what the CSV holds ({@link RunRows}: doubles round-trip), so no number changes on the way.
 */
public interface RunTask extends Serializable {

    /**
     * @param gridText the grid ({@link GridText#encode})
     * @param position 0-based position of the run in the grid's order
     * @return the run's cells in runs-CSV order
     */
    ArrayList<String> run(String gridText, int position) throws Exception;

    /** The engine run. */
    RunTask ENGINE = new Engine();

    /** Runs the engine; keeps the last grid's sweep per JVM, so the tasks of one executor share its data. */
    final class Engine implements RunTask {
        private static final long serialVersionUID = 1L;
        private static String cachedText;
        private static RecoverySweep cached;

        private static synchronized RecoverySweep sweep(String gridText) {
            // one sweep per executor JVM: ground truths, masks and sensing operators are made once
            if (!gridText.equals(cachedText)) {
                cached = new RecoverySweep(GridText.decode(gridText));
                cachedText = gridText;
            }
            return cached;
        }

        @Override
        public ArrayList<String> run(String gridText, int position) {
            RecoverySweep sweep = sweep(gridText);
            RunSpec spec = sweep.grid().runs().get(position);
            return new ArrayList<>(RunRows.cells(sweep.run(spec, ProgressCallback.NONE)));
        }

        private Object readResolve() {
            return ENGINE;
        }
    }
}
