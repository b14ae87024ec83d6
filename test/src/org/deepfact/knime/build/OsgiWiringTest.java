package org.deepfact.knime.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Proves the packaging works the way KNIME will load it: the tests run inside an
 * OSGi framework as a fragment of the plugin, the plugin resolves against a bundle
 * named org.knime.core, and the embedded jars (EJML and the engine module's jar) load
 * through Bundle-ClassPath.
 */
class OsgiWiringTest {

    private static Bundle pluginBundle() {
        Bundle bundle = FrameworkUtil.getBundle(OsgiWiringTest.class);
        assertNotNull(bundle, "test class was not loaded by an OSGi bundle: tests are not running inside OSGi");
        return bundle;
    }

    @Test
    void testsRunInsideOsgiAsFragmentOfThePlugin() {
        Bundle bundle = pluginBundle();
        // A fragment's classes are loaded by its host, so the owning bundle is the plugin.
        assertEquals("org.deepfact.knime", bundle.getSymbolicName());
        assertTrue((bundle.getState() & (Bundle.RESOLVED | Bundle.ACTIVE | Bundle.STARTING)) != 0,
                "plugin bundle state " + bundle.getState());
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        List<BundleWire> fragments = wiring.getProvidedWires("osgi.wiring.host");
        assertTrue(fragments.stream().anyMatch(
                w -> w.getRequirer().getSymbolicName().equals("org.deepfact.knime.tests")),
                "test fragment is not attached to the plugin");
    }

    @Test
    void pluginIsWiredToKnimeCore() {
        BundleWiring wiring = pluginBundle().adapt(BundleWiring.class);
        List<BundleWire> required = wiring.getRequiredWires("osgi.wiring.bundle");
        BundleWire knime = required.stream()
                .filter(w -> w.getProvider().getSymbolicName().equals("org.knime.core"))
                .findFirst().orElseThrow(() -> new AssertionError("plugin not wired to org.knime.core: " + required));
        assertTrue(knime.getProvider().getVersion().getMajor() == 5, "org.knime.core version " + knime.getProvider().getVersion());
    }

    @Test
    void embeddedJarsLoadThroughBundleClassPath() throws Exception {
        Bundle bundle = pluginBundle();
        ClassLoader pluginLoader = bundle.adapt(BundleWiring.class).getClassLoader();
        for (String name : new String[] {"org.ejml.data.DMatrixRMaj", "org.ejml.dense.row.CommonOps_DDRM",
                "org.deepfact.engine.train.Trainer", "org.deepfact.engine.baseline.NuclearNormSolver"}) {
            Class<?> type = bundle.loadClass(name);
            assertSame(pluginLoader, type.getClassLoader(), name + " was not loaded from the plugin's Bundle-ClassPath");
        }
    }
}
