package org.deepfact.knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.deepfact.engine.linalg.DenseKernel;
import org.deepfact.engine.linalg.Kernels;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The kernel choice as KNIME makes it: through the plugin's class loader and its optional import of
 * jdk.incubator.vector. The build runs the OSGi tests twice (test/pom.xml): with
 * {@code --add-modules jdk.incubator.vector} the vector kernel must be picked, without it the plain one.
 */
class VectorKernelWiringTest {

    private static Bundle plugin() {
        return FrameworkUtil.getBundle(VectorKernelWiringTest.class);
    }

    private static boolean importWired() {
        List<BundleWire> wires = plugin().adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package");
        return wires.stream().anyMatch(w -> "jdk.incubator.vector".equals(w.getCapability().getAttributes()
                .get("osgi.wiring.package")));
    }

    @Test
    void theKernelFollowsTheModuleThroughThePluginsClassLoader() {
        String expected = System.getProperty("deepfact.test.kernel", "");
        assumeTrue(!expected.isEmpty(), "no expectation set (run outside the build)");
        assertSame(plugin().adapt(BundleWiring.class).getClassLoader(), Kernels.class.getClassLoader(),
                "engine not loaded from the plugin's Bundle-ClassPath");
        boolean vector = expected.equals("vector");
        assertEquals(vector, importWired(), "optional import of jdk.incubator.vector wired");
        assertEquals(vector, Kernels.vectorized(), Kernels.describe());
        try (DenseKernel k = Kernels.dense(1, null)) {
            assertEquals(vector ? "VectorKernel" : "RowBlockKernel", k.getClass().getSimpleName());
            assertTrue(k.name().startsWith(vector ? "Vector API" : "plain Java"), k.name());
        }
    }
}
