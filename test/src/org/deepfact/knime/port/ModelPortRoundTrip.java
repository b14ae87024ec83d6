package org.deepfact.knime.port;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.ModelContent;

/** Saves and loads a model port object and its spec as a workflow does (for tests in other packages). */
public final class ModelPortRoundTrip {

    private ModelPortRoundTrip() {
    }

    /** @return the model after its spec and content were saved to ModelContent and loaded back */
    public static DeepFactorizationModelPortObject saveAndLoad(final DeepFactorizationModelPortObject model)
        throws Exception {
        final ModelContent specContent = new ModelContent("spec");
        model.getSpec().save(specContent);
        final DeepFactorizationModelPortObjectSpec spec = new DeepFactorizationModelPortObjectSpec();
        spec.load(specContent);
        final ModelContent content = new ModelContent("object");
        model.save(content, new ExecutionMonitor());
        final DeepFactorizationModelPortObject back = new DeepFactorizationModelPortObject();
        back.load(content, spec, new ExecutionMonitor());
        return back;
    }
}
