package org.deepfact.knime.tensorgenerator;

import org.deepfact.engine.tensor.TensorGroundTruth;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.tensor.TensorTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/** Generates a low-rank CP ground-truth tensor with {@link TensorGroundTruth#generate}. */
final class LowRankTensorGeneratorNodeModel extends StatelessNodeModel<LowRankTensorGeneratorSettings> {

    LowRankTensorGeneratorNodeModel() {
        super(0, 1, new LowRankTensorGeneratorSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().check();
        return new DataTableSpec[]{TensorTable.spec(settings().m_order.getIntValue())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final TensorShape shape = settings().shape();
        final int rank = settings().m_rank.getIntValue();
        // the dense tensor twice (engine, table rows) and the factors
        MemoryCheck.requireBytes(2L * 8 * shape.size() + 8L * rank * shape.order() * shape.dim(0),
            "the " + shape + " tensor");
        exec.setMessage("generating a " + shape + " tensor of rank " + rank);
        final TensorGroundTruth t = EngineCall.run(exec.createSubExecutionContext(0.3), "Generating the tensor",
            progress -> TensorGroundTruth.generate(shape, rank, settings().m_norm.getDoubleValue(),
                settings().m_seed.getLongValue()));
        return new BufferedDataTable[]{TensorTable.writeDense(shape, t.dense(), exec.createSubExecutionContext(0.7))};
    }
}
