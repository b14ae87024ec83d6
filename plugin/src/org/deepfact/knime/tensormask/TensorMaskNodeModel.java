package org.deepfact.knime.tensormask;

import org.deepfact.engine.experiment.Seeds;
import org.deepfact.engine.tensor.TensorEntries;
import org.deepfact.engine.tensor.TensorSampling;
import org.deepfact.engine.tensor.TensorShape;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.InvalidInputException;
import org.deepfact.knime.common.SpecChecks;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.tensor.TensorTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/**
 * Splits a complete tensor into observed entries (uniformly without replacement, optionally with
 * Gaussian noise) and the unobserved rest with their true values, by {@link TensorSampling}.
 */
final class TensorMaskNodeModel extends StatelessNodeModel<TensorMaskSettings> {

    static final String IN_TENSOR = "tensor";

    TensorMaskNodeModel() {
        super(1, 2, new TensorMaskSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final int order = TensorTable.checkSpec(SpecChecks.tableSpec(inSpecs, 0, IN_TENSOR), IN_TENSOR);
        return new DataTableSpec[]{TensorTable.spec(order), TensorTable.spec(order)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final TensorTable.Raw raw = TensorTable.read(inData[0], IN_TENSOR, exec.createSubProgress(0.3));
        final TensorShape shape = EngineCall.quick("Tensor shape", () -> TensorShape.of(raw.extent()));
        final TensorEntries all = TensorTable.entries(raw, shape, IN_TENSOR);
        final double[] dense = TensorTable.denseIfComplete(all);
        if (dense == null) {
            throw new InvalidInputException("The " + IN_TENSOR + " table has " + all.size() + " entries but its shape "
                + shape + " (max index + 1 per mode) has " + shape.size() + ": the Tensor Mask samples from a complete "
                + "tensor, e.g. the Low-Rank Tensor Generator's output");
        }
        final int m = settings().m_count.getIntValue();
        if (m >= shape.size()) {
            throw new InvalidSettingsException("Setting 'count' = " + m + " must be below the number of entries, "
                + shape.size() + ", so that some stay unobserved");
        }
        final long seed = settings().m_seed.getLongValue();
        TensorEntries observed = EngineCall.run(exec.createSubProgress(0.1), "Sampling observations",
            progress -> TensorSampling.uniform(shape, dense, m, seed));
        final TensorEntries unobserved = TensorSampling.complement(observed, dense);
        final double noise = settings().m_noise.getDoubleValue();
        if (noise > 0) {
            final TensorEntries clean = observed;
            // its own stream: the mask does not change when noise is switched on
            observed = EngineCall.quick("Adding noise",
                () -> TensorSampling.addGaussianNoise(clean, noise, Seeds.derive(seed, "tensor-noise")));
        }
        return new BufferedDataTable[]{TensorTable.write(observed, exec.createSubExecutionContext(0.3)),
            TensorTable.write(unobserved, exec.createSubExecutionContext(0.3))};
    }
}
